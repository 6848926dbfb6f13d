// engine/model — the rules pass: rights, tests and accepted distinctions.
#include "model/resolver.hpp"

namespace siracusa::model::detail {

void Resolver::resolve_rules(const ast::Block& node) {
  if (node.kind == "right")
    resolve_right(node);
  else if (node.kind == "test")
    resolve_test(node);
  else if (node.kind == "distinction")
    resolve_distinction(node);
  else if (node.kind == "jurisdiction")
    resolve_jurisdiction(node);
}

void Resolver::resolve_right(const ast::Block& node) {
  int index = own_index(rights_, node.name);
  if (index < 0)
    return;
  auto& right = model_.rights[static_cast<std::size_t>(index)];
  Clauses clauses = collect(node.clauses, "right", node.name);
  if (auto* c = clauses.first("article"))
    right.article = get_if<ast::ArticleRef>(c->value)->text;
  else
    missing(node, "right", "article");
  if (auto* c = clauses.first("title"))
    right.title = get_if<ast::StringLit>(c->value)->joined();
  else
    missing(node, "right", "title");
  auto boolean = [](const ast::BoolLit& b) { return b.word == "yes" || b.word == "true"; };
  if (auto* c = clauses.first("derogable"))
    right.derogable = boolean(*get_if<ast::BoolLit>(c->value));
  if (auto* c = clauses.first("absolute"))
    right.absolute = boolean(*get_if<ast::BoolLit>(c->value));
  if (auto* c = clauses.first("limitation")) {
    const auto& items = get_if<ast::IdentList>(c->value)->items;
    if (const EnumType* qualifiers = role_enum(model_.limitation, "limitation", span(*c), items.front().name)) {
      for (const auto& q : items) {
        if (qualifiers->index_of(q.name) < 0)
          unknown_member(q.name, *qualifiers, span(q));
        else
          right.limitation.push_back(q.name);
      }
    }
  }
  if (auto* c = clauses.first("aims")) {
    const auto& items = get_if<ast::IdentList>(c->value)->items;
    if (const EnumType* aims = role_enum(model_.aims_enum, "aims", span(*c), items.front().name)) {
      for (const auto& item : items) {
        int member = aims->index_of(item.name);
        if (member < 0)
          unknown_member(item.name, *aims, span(item));
        else
          right.aims.push_back(member);
      }
      std::sort(right.aims.begin(), right.aims.end());
      right.aims.erase(std::unique(right.aims.begin(), right.aims.end()), right.aims.end());
    }
  }
  right.citations = citations(clauses);
}

const EnumType* Resolver::role_enum(const EnumType* declared, const std::string& role, const Span& where,
                                    const std::string& word) {
  if (declared)
    return declared;
  auto& d = diagnostics_.error("E0201", where, "no enum is declared `for " + role + "`");
  for (const auto& e : *model_.enums)
    if (!word.empty() && e.index_of(word) >= 0) {
      d.notes.push_back({{},
                         "`" + word + "` is a member of enum `" + e.name + "`: declare it `enum " + e.name + " for " +
                             role + " { ... }`"});
      return nullptr;
    }
  d.notes.push_back({{}, "declare the words this clause may use as `enum <name> for " + role + " { ... }`"});
  return nullptr;
}

void Resolver::unknown_member(const std::string& name, const EnumType& e, const Span& where) {
  auto& d = diagnostics_.error("E0212", where, "`" + name + "` is not a member of `" + e.name + "`");
  if (auto suggestion = closest(name, e.members)) {
    d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
    return;
  }
  auto covering = described_by(name, e.members, e.docs);
  if (!covering.empty())
    d.notes.push_back({{},
                       "the rule base says `" + name + "` falls under " + join(covering) +
                           " (see their descriptions: `siracusa vocab " + e.name + "`)"});
  d.notes.push_back({{}, "members: " + join(e.members)});
}

void Resolver::resolve_test(const ast::Block& node) {
  int index = own_index(tests_, node.name);
  if (index < 0)
    return;
  auto& test = model_.tests[static_cast<std::size_t>(index)];
  Clauses clauses = collect(node.clauses, "test", node.name);
  test.title = node.name.name;
  if (auto* c = clauses.first("title"))
    test.title = get_if<ast::StringLit>(c->value)->joined();
  if (auto* c = clauses.first("applies_to")) {
    if (get_if<ast::Word>(c->value))
      test.all_rights = true;
    else
      test.rights = rights_list(*get_if<ast::IdentList>(c->value));
  } else {
    missing(node, "test", "applies to");
  }
  bool has_criterion = false;
  if (auto* c = clauses.first("criterion")) {
    const auto* w = get_if<ast::Word>(c->value);
    if (auto word = word_from(w->word, criterion_words, "criterion", span(*w))) {
      test.criterion = *criterion_from(*word);
      has_criterion = true;
    }
  } else {
    missing(node, "test", "criterion");
  }
  if (auto* c = clauses.first("requires")) {
    const auto& names = get_if<ast::IdentList>(c->value)->items;
    if (names.size() != 1)
      diagnostics_.error("E0204", span(*c), "`requires:` names exactly one duty");
    if (!names.empty())
      test.duty = lookup(duties_, "duty", names.front().name, span(names.front()));
  }
  // The condition and its exceptions number their variables together: the routes
  // decide them as one formula.
  ExprContext context;
  context.file = current_file_;
  context.allow_facts = true;
  context.allow_right = true;
  Type boolean = Type::boolean();
  if (auto* c = clauses.first("fails_when")) {
    test.condition = expression(*get_if<ast::Expression>(c->value), context, &boolean);
    expect_type(test.condition, Type::boolean(), "the failure condition");
  }
  for (const auto* c : clauses.all("unless")) {
    ExprPtr exception = expression(*get_if<ast::Expression>(c->value), context, &boolean);
    expect_type(exception, Type::boolean(), "an exception (`unless:`)");
    test.exceptions.push_back(exception);
  }
  test.variable_count = context.next_variable;
  if (!test.exceptions.empty() && !test.condition)
    diagnostics_.error("E0204", span(*clauses.first("unless")), "`unless:` needs a `fails when:` to qualify");
  test.failure = test.condition;
  if (test.condition && !test.exceptions.empty()) {
    ExprPtr any = test.exceptions.front();
    for (std::size_t i = 1; i < test.exceptions.size(); ++i)
      any = make(ExprKind::or_, Type::boolean(), join_spans(any->span, test.exceptions[i]->span),
                 {any, test.exceptions[i]});
    bool broken = test.condition->type.is_error() || any->type.is_error();
    ExprPtr saved = make(ExprKind::not_, broken ? Type::error() : Type::boolean(), any->span, {any});
    test.failure =
        make(ExprKind::and_, broken ? Type::error() : Type::boolean(), test.condition->span, {test.condition, saved});
  }
  if (auto* c = clauses.first("about"); c && get_if<ast::Word>(c->value)) {
    // `about: all`: every provision that restricts the right is on the test's subject.
  } else if (c) {
    for (const auto& name : get_if<ast::IdentList>(c->value)->items) {
      int fact = lookup(facts_, "fact", name.name, span(name), "E0203");
      if (fact >= 0 && std::find(test.about.begin(), test.about.end(), fact) == test.about.end())
        test.about.push_back(fact);
    }
    std::sort(test.about.begin(), test.about.end());
  } else if (test.failure) {
    test.about = facts_used(*test.failure);
  }
  if (auto* c = clauses.first("strength")) {
    const auto* w = get_if<ast::Word>(c->value);
    if (auto word = word_from(w->word, strength_words, "strength", span(*w)))
      test.strength = *strength_from(*word);
  } else {
    diagnostics_.error("E0210", span(node.name), "test `" + node.name.name + "` has no `strength:`")
        .notes.push_back({{},
                          "say how strongly its authority condemns the measure: `per_se`, `presumptive` (the "
                          "State must justify it) or `concern`"});
  }
  if (auto* c = clauses.first("justification"))
    test.justification = get_if<ast::StringLit>(c->value)->joined();
  else if (test.strength == Strength::presumptive && clauses.first("strength"))
    diagnostics_.warning("W0301", span(node.name),
                         "test `" + node.name.name +
                             "` is presumptive but has no `justification:` saying what the State would have to show");
  if (has_criterion) {
    if (test.criterion == Criterion::positive_obligation) {
      if (!clauses.first("requires"))
        diagnostics_
            .error("E0210", span(node.name),
                   "test `" + node.name.name + "` of criterion positive_obligation has no `requires:`")
            .notes.push_back({{}, "name the duty that some provision must implement"});
    } else if (test.criterion != Criterion::conflict && !clauses.first("fails_when")) {
      missing(node, "test", "fails when");
    }
  }
  test.citations = citations(clauses);
  if (test.citations.empty())
    diagnostics_.error("E0209", span(node.name), "test `" + node.name.name + "` cites no source")
        .notes.push_back({{},
                          "add `cites:` with the Covenant article, General Comment paragraph or Siracusa "
                          "paragraph the test encodes"});
  if (auto* c = clauses.first("explanation"))
    test.explanation = get_if<ast::StringLit>(c->value)->joined();
  else
    diagnostics_.warning("W0301", span(node.name), "test `" + node.name.name + "` has no `explanation:`");
  if (auto* c = clauses.first("recommendation"))
    test.recommendation = get_if<ast::StringLit>(c->value)->joined();
  else
    diagnostics_.warning("W0301", span(node.name), "test `" + node.name.name + "` has no `recommendation:`");
}

void Resolver::resolve_distinction(const ast::Block& node) {
  int index = own_index(distinctions_, node.name);
  if (index < 0)
    return;
  auto& d = model_.distinctions[static_cast<std::size_t>(index)];
  Clauses clauses = collect(node.clauses, "distinction", node.name);
  d.title = node.name.name;
  if (auto* c = clauses.first("title"))
    d.title = get_if<ast::StringLit>(c->value)->joined();
  if (auto* c = clauses.first("ground")) {
    for (const auto& name : get_if<ast::IdentList>(c->value)->items) {
      int attribute = ground(name);
      if (attribute >= 0 && std::find(d.grounds.begin(), d.grounds.end(), attribute) == d.grounds.end())
        d.grounds.push_back(attribute);
    }
    std::sort(d.grounds.begin(), d.grounds.end());
  } else {
    missing(node, "distinction", "ground");
  }
  if (auto* c = clauses.first("rights")) {
    if (get_if<ast::Word>(c->value))
      d.all_rights = true;
    else
      d.rights = rights_list(*get_if<ast::IdentList>(c->value));
  } else {
    missing(node, "distinction", "rights");
  }
  if (auto* c = clauses.first("when")) {
    ExprContext context;
    context.file = current_file_;
    context.allow_facts = true;
    context.allow_right = true;
    Type boolean = Type::boolean();
    ExprPtr when = expression(*get_if<ast::Expression>(c->value), context, &boolean);
    if (!when->type.is_error() && !(when->type == Type::boolean())) {
      diagnostics_
          .error("E0223", when->span,
                 "the condition of distinction `" + d.id + "` is " + describe(when->type) + ", not a bool")
          .notes.push_back({{},
                            "write a condition on the provision's facts that is true or false: a bool fact, a "
                            "comparison, or several joined with `and` and `or`"});
    } else if (!when->type.is_error()) {
      d.when = when;
    }
  }
  d.citations = citations(clauses);
  if (d.citations.empty())
    diagnostics_.error("E0209", span(node.name), "distinction `" + node.name.name + "` cites no source")
        .notes.push_back({{}, "add `cites:` with the Covenant article or General Comment paragraph that accepts it"});
  if (auto* c = clauses.first("explanation"))
    d.explanation = get_if<ast::StringLit>(c->value)->joined();
  else
    diagnostics_.warning("W0301", span(node.name), "distinction `" + node.name.name + "` has no `explanation:`");
}

int Resolver::ground(const ast::Identifier& name) {
  auto it = attributes_.find(name.name);
  if (it == attributes_.end() || !files_.files[current_file_].visible[it->second.file]) {
    auto& d = diagnostics_.error("E0222", span(name),
                                 "unknown ground `" + name.name + "`: no person attribute has this name");
    std::vector<std::string> grounds;
    for (const auto& [candidate, entry] : attributes_)
      if (files_.files[current_file_].visible[entry.file] &&
          model_.attributes[static_cast<std::size_t>(entry.index)].is_protected)
        grounds.push_back(candidate);
    if (it != attributes_.end())
      d.notes.push_back({it->second.span, "declared here, in a file that `" + files_.files[current_file_].display +
                                              "` does not import; add an `import`"});
    else if (auto suggestion = closest(name.name, grounds))
      d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
    else if (!grounds.empty())
      d.notes.push_back({{}, "the grounds (protected attributes) are " + join(grounds)});
    return -1;
  }
  const Attribute& attribute = model_.attributes[static_cast<std::size_t>(it->second.index)];
  if (!attribute.is_protected) {
    diagnostics_
        .error("E0222", span(name), "`" + name.name + "` is not a ground: the attribute is not marked `protected`")
        .notes.push_back({it->second.span, "declared here"});
    return -1;
  }
  return it->second.index;
}

} // namespace siracusa::model::detail
