#include "model/print.hpp"

#include <map>

namespace siracusa::model {

namespace {

// Binding strength, as in the grammar: higher binds tighter.
int precedence(ExprKind kind) {
  switch (kind) {
  case ExprKind::some:
  case ExprKind::every:
  case ExprKind::predicate:
    return 0;
  case ExprKind::implies:
    return 1;
  case ExprKind::or_:
    return 2;
  case ExprKind::and_:
    return 3;
  case ExprKind::not_:
    return 4;
  case ExprKind::eq:
  case ExprKind::ne:
  case ExprKind::lt:
  case ExprKind::le:
  case ExprKind::gt:
  case ExprKind::ge:
  case ExprKind::in:
  case ExprKind::subset:
    return 5;
  case ExprKind::add:
  case ExprKind::sub:
    return 6;
  case ExprKind::mul:
    return 7;
  case ExprKind::neg:
    return 8;
  default:
    return 9;
  }
}

const char* spelling(ExprKind kind) {
  switch (kind) {
  case ExprKind::implies:
    return "implies";
  case ExprKind::or_:
    return "or";
  case ExprKind::and_:
    return "and";
  case ExprKind::eq:
    return "==";
  case ExprKind::ne:
    return "!=";
  case ExprKind::lt:
    return "<";
  case ExprKind::le:
    return "<=";
  case ExprKind::gt:
    return ">";
  case ExprKind::ge:
    return ">=";
  case ExprKind::in:
    return "in";
  case ExprKind::subset:
    return "subset of";
  case ExprKind::add:
    return "+";
  case ExprKind::sub:
    return "-";
  case ExprKind::mul:
    return "*";
  default:
    return "?";
  }
}

class Printer {
 public:
  explicit Printer(const Model& model) : model_(model) {}

  std::string print(const Expr& e, int context = 0) {
    std::string text = bare(e);
    return precedence(e.kind) < context ? "(" + text + ")" : text;
  }

 private:
  std::string bare(const Expr& e) {
    switch (e.kind) {
    case ExprKind::boolean:
      return e.number != 0 ? "yes" : "no";
    case ExprKind::integer:
      return std::to_string(e.number) + (e.type.unit == Unit::none ? "" : std::string(" ") + unit_name(e.type.unit));
    case ExprKind::date:
      return civil_from_days(e.number);
    case ExprKind::text:
      return "\"" + e.text + "\"";
    case ExprKind::enum_member:
      return e.type.enumeration->members[static_cast<std::size_t>(e.number)];
    case ExprKind::set_literal: {
      std::string out = "{";
      for (std::size_t i = 0; i < e.children.size(); ++i)
        out += (i > 0 ? ", " : "") + print(*e.children[i]);
      return out + "}";
    }
    case ExprKind::everyone:
      return "everyone";
    case ExprKind::no_one:
      return "no one";
    case ExprKind::predicate: {
      implicit_.push_back(e.index());
      std::string body = print(*e.children.front());
      implicit_.pop_back();
      return "person where " + body;
    }
    case ExprKind::fact:
      return e.text;
    case ExprKind::variable:
      return e.text;
    case ExprKind::attribute: {
      const Expr& person = *e.children.front();
      if (person.kind == ExprKind::variable && !implicit_.empty() && person.index() == implicit_.back())
        return e.text;
      return print(person, 9) + "." + e.text;
    }
    case ExprKind::right_property:
      return e.number == static_cast<int>(RightProperty::aims)        ? "right.aims"
             : e.number == static_cast<int>(RightProperty::derogable) ? "right.derogable"
                                                                      : "right.absolute";
    case ExprKind::right_is:
      return "right is " + e.text;
    case ExprKind::law_level:
      return "law.level";
    case ExprKind::parameter:
      return e.text;
    case ExprKind::not_:
      return "not " + print(*e.children.front(), 4);
    case ExprKind::neg:
      return "-" + print(*e.children.front(), 8);
    case ExprKind::apply:
      return print(*e.children[0], 9) + "(" + print(*e.children[1]) + ")";
    case ExprKind::some:
    case ExprKind::every: {
      std::string out = e.kind == ExprKind::some ? "some " : "every ";
      for (std::size_t i = 0; i < e.binders.size(); ++i) {
        const Binder& b = e.binders[i];
        out += i > 0 ? ", " : "";
        if (b.kind == Binder::Kind::person) {
          out += "person " + b.name;
        } else if (b.kind == Binder::Kind::element) {
          out += b.name + " in " + print(*b.domain, 2);
        } else {
          out += "pair " + b.name + ", " + b.second_name + " differing in ";
          bool all_protected = true;
          std::size_t protected_count = 0;
          for (const auto& attribute : model_.attributes)
            protected_count += attribute.is_protected ? 1 : 0;
          for (int k : b.attributes)
            all_protected = all_protected && model_.attributes[static_cast<std::size_t>(k)].is_protected;
          if (all_protected && b.attributes.size() == protected_count) {
            out += "protected";
          } else {
            out += "{";
            for (std::size_t k = 0; k < b.attributes.size(); ++k)
              out += (k > 0 ? ", " : "") + model_.attributes[static_cast<std::size_t>(b.attributes[k])].name;
            out += "}";
          }
        }
      }
      return out + ": " + print(*e.children.front());
    }
    default: {
      int p = precedence(e.kind);
      // Comparisons do not chain; implies is right-associative; the rest associate left.
      // `and`, `or` and `implies` hold a whole chain (see model.hpp), printed in a loop.
      int left = e.kind == ExprKind::implies || p == 5 ? p + 1 : p;
      int right = e.kind == ExprKind::implies ? p : p + 1;
      std::string out = print(*e.children[0], left);
      for (std::size_t i = 1; i < e.children.size(); ++i) {
        bool last = i + 1 == e.children.size();
        out += std::string(" ") + spelling(e.kind) + " " +
               print(*e.children[i], e.kind == ExprKind::implies && !last ? p + 1 : right);
      }
      return out;
    }
    }
  }

  const Model& model_;
  std::vector<int> implicit_;
};

} // namespace

std::string to_text(const Expr& expr, const Model& model) {
  return Printer(model).print(expr);
}

std::string to_text(const FactValue& value, const Model& model) {
  auto item = [&](std::size_t i) { return to_text(*value.values[i], model); };
  switch (value.form) {
  case FactValue::Form::unknown:
    return "unknown";
  case FactValue::Form::exact:
    return item(0);
  case FactValue::Form::at_least:
    return "at least " + item(0);
  case FactValue::Form::at_most:
    return "at most " + item(0);
  case FactValue::Form::range:
    return item(0) + ".." + item(1);
  case FactValue::Form::one_of: {
    std::string out = "one of {";
    for (std::size_t i = 0; i < value.values.size(); ++i)
      out += (i > 0 ? ", " : "") + item(i);
    return out + "}";
  }
  }
  return "?";
}

} // namespace siracusa::model
