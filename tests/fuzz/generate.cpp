#include "generate.hpp"

#include <functional>
#include <vector>

namespace siracusa::fuzz {

namespace {

// SplitMix64: small, and the same numbers everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(below(static_cast<int>(v.size())))];
  }

 private:
  std::uint64_t state_;
};

struct Enum {
  std::string name;
  std::vector<std::string> members;
};

struct Fact {
  enum class Kind { boolean, integer, days, date, enumeration, set, predicate } kind;
  std::string name;
  int enumeration = -1; // for enumeration and set
};

class Generator {
 public:
  Generator(std::uint64_t seed, const GeneratedSpec& spec) : random_(seed), spec_(spec) {}

  std::string run() {
    vocabulary();
    std::string out = header();
    for (int t = 0; t < spec_.tests; ++t)
      out += test(t);
    std::string law = "law l {\n  title: \"L\"\n  jurisdiction: xx\n  level: " + random_.pick(levels_) + "\n";
    for (int p = 0; p < spec_.provisions; ++p)
      law += provision(p);
    law += "}\n";
    // Drawn last, so that the rest of the file is the same as without them; written before
    // the law, which stays last in the file.
    int distinctions = random_.below(3);
    for (int d = 0; d < distinctions; ++d)
      out += distinction(d);
    return out + law;
  }

 private:
  void vocabulary() {
    // Sizes across the evaluator's 64-member limit, and the largest an analyst would write.
    const std::vector<int> sizes = {1, 2, 3, 4, 5, 8, 64, 65, 70, 300};
    int enums = 1 + random_.below(3);
    for (int e = 0; e < enums; ++e) {
      Enum en{"k" + std::to_string(e), {}};
      int n = random_.pick(sizes);
      for (int m = 1; m <= n; ++m)
        en.members.push_back("k" + std::to_string(e) + "m" + std::to_string(m));
      enums_.push_back(en);
    }
    int count = 3 + random_.below(4);
    for (int f = 0; f < count; ++f) {
      Fact fact;
      fact.kind = static_cast<Fact::Kind>(random_.below(7));
      fact.name = "f" + std::to_string(f);
      if (fact.kind == Fact::Kind::enumeration || fact.kind == Fact::Kind::set)
        fact.enumeration = random_.below(static_cast<int>(enums_.size()));
      facts_.push_back(fact);
    }
  }

  std::string header() {
    std::string out = "document doc {\n  title: \"A source\"\n  paragraphs: 1..10\n}\n";
    out += "enum aim for aims { public_order, national_security, public_health }\n";
    out += "enum legal_order for level { constitution, constitutional_law, code, law, bylaw }\n";
    for (const auto& e : enums_) {
      out += "enum " + e.name + " {";
      for (std::size_t i = 0; i < e.members.size(); ++i)
        out += (i ? ", " : " ") + e.members[i];
      out += " }\n";
    }
    out += "person {\n  status: {citizen, foreigner, stateless} protected\n  age: years\n  licensed: bool\n"
           "  sex: {female, male} protected\n}\n";
    for (const auto& f : facts_)
      out += "fact " + f.name + ": " + type_of(f) + "\n";
    out += "right r {\n  article: 21\n  title: \"R\"\n  aims: public_order, public_health\n}\n";
    out += "jurisdiction xx {\n  title: \"X\"\n}\n";
    return out;
  }

  std::string type_of(const Fact& f) {
    switch (f.kind) {
    case Fact::Kind::boolean:
      return "bool";
    case Fact::Kind::integer:
      return "integer";
    case Fact::Kind::days:
      return "days";
    case Fact::Kind::date:
      return "date";
    case Fact::Kind::enumeration:
      return enums_[static_cast<std::size_t>(f.enumeration)].name;
    case Fact::Kind::set:
      return "set of " + enums_[static_cast<std::size_t>(f.enumeration)].name;
    case Fact::Kind::predicate:
      return "predicate over person";
    }
    return "bool";
  }

  const Enum& enum_of(const Fact& f) { return enums_[static_cast<std::size_t>(f.enumeration)]; }

  std::string member(const Fact& f) { return random_.pick(enum_of(f).members); }

  std::string number(const Fact& f) {
    int n = random_.below(20);
    if (f.kind == Fact::Kind::days)
      return std::to_string(n) + " days";
    return std::to_string(n);
  }

  std::string date() {
    static const std::vector<std::string> dates = {"2019-12-31", "2020-01-01", "2020-06-15", "2021-03-01"};
    return random_.pick(dates);
  }

  std::string set_literal(const Fact& f) {
    std::string out = "{";
    int n = random_.below(3);
    std::vector<std::string> chosen;
    for (int i = 0; i < n; ++i) {
      std::string m = member(f);
      bool seen = false;
      for (const auto& c : chosen)
        seen = seen || c == m;
      if (!seen)
        chosen.push_back(m);
    }
    for (std::size_t i = 0; i < chosen.size(); ++i)
      out += (i ? ", " : "") + chosen[i];
    return out + "}";
  }

  // `p` is the variable (`p.age`), or empty inside `person where` (bare attributes).
  std::string person_condition(const std::string& variable) {
    std::string p = variable.empty() ? "" : variable + ".";
    switch (random_.below(4)) {
    case 0:
      return p + "status == " + random_.pick(std::vector<std::string>{"citizen", "foreigner", "stateless"});
    case 1:
      return p + "age >= " + std::to_string(random_.below(30)) + " years";
    case 2:
      return p + "licensed";
    default:
      return p + "sex == " + random_.pick(std::vector<std::string>{"female", "male"});
    }
  }

  // An atomic condition on one fact.
  std::string atom(const Fact& f) {
    static const std::vector<std::string> orders = {"<", "<=", ">", ">=", "==", "!="};
    switch (f.kind) {
    case Fact::Kind::boolean:
      return random_.chance(50) ? f.name : "not " + f.name;
    case Fact::Kind::integer:
    case Fact::Kind::days:
      if (random_.chance(20)) {
        const Fact* other = nullptr;
        for (const auto& g : facts_)
          if (g.kind == f.kind && g.name != f.name)
            other = &g;
        if (other)
          return f.name + " + " + other->name + " > " + number(f);
      }
      return f.name + " " + random_.pick(orders) + " " + number(f);
    case Fact::Kind::date:
      return f.name + " " + random_.pick(orders) + " " + date();
    case Fact::Kind::enumeration:
      return f.name + (random_.chance(70) ? " == " : " != ") + member(f);
    case Fact::Kind::set:
      switch (random_.below(3)) {
      case 0:
        return member(f) + " in " + f.name;
      case 1:
        return f.name + " subset of " + set_literal(f);
      default:
        return "some x in " + f.name + ": x == " + member(f);
      }
    case Fact::Kind::predicate:
      switch (random_.below(3)) {
      case 0:
        return "some person p: " + person_condition("p") + " and not " + f.name + "(p)";
      case 1:
        return "some pair a, b differing in protected: " + f.name + "(a) and not " + f.name + "(b)";
      default:
        return "every person p: " + f.name + "(p) implies " + person_condition("p");
      }
    }
    return "yes";
  }

  std::string condition(int depth) {
    if (depth == 0 || random_.chance(40))
      return atom(random_.pick(facts_));
    std::string op = random_.chance(50) ? " and " : " or ";
    return "(" + condition(depth - 1) + op + condition(depth - 1) + ")";
  }

  std::string test(int t) {
    static const std::vector<std::string> criteria = {"necessity", "legality", "proportionality", "legitimate_aim"};
    std::string out = "test t" + std::to_string(t) + " {\n  applies to: r\n  criterion: " + random_.pick(criteria) +
                      "\n  strength: concern\n  fails when: " + condition(2) +
                      (random_.chance(15) ? " or law.level == " + random_.pick(compared_levels_) : "") + "\n";
    if (random_.chance(25))
      out += "  unless: " + atom(random_.pick(facts_)) + "\n";
    return out + "  cites: covenant art 21\n  explanation: \"e\"\n  recommendation: \"r\"\n}\n";
  }

  // An accepted distinction: a protected ground, the right or all, and a condition on a
  // fact (or none), read by the pair binders of every test.
  std::string distinction(int d) {
    std::string out = "distinction d" + std::to_string(d) +
                      " {\n  ground: " + random_.pick(std::vector<std::string>{"status", "sex", "status, sex"}) +
                      "\n  rights: " + (random_.chance(50) ? "r" : "all") + "\n";
    if (random_.chance(80))
      out += "  when: " + atom(random_.pick(facts_)) + "\n";
    return out + "  cites: covenant art 26\n  explanation: \"e\"\n}\n";
  }

  std::string value(const Fact& f) {
    int form = random_.below(6); // exact, range, one of, at least, at most, unknown
    if (form == 5)
      return "unknown";
    switch (f.kind) {
    case Fact::Kind::boolean:
      return random_.chance(50) ? "yes" : "no";
    case Fact::Kind::integer:
    case Fact::Kind::days: {
      std::string unit = f.kind == Fact::Kind::days ? " days" : "";
      int a = random_.below(15);
      int b = a + random_.below(10);
      if (form == 1)
        return std::to_string(a) + ".." + std::to_string(b) + unit;
      if (form == 2)
        return "one of {" + std::to_string(a) + unit + ", " + std::to_string(b) + unit + "}";
      if (form == 3)
        return "at least " + std::to_string(a) + unit;
      if (form == 4)
        return "at most " + std::to_string(b) + unit;
      return std::to_string(a) + unit;
    }
    case Fact::Kind::date:
      if (form == 3)
        return "at least " + date();
      if (form == 4)
        return "at most " + date();
      return date();
    case Fact::Kind::enumeration:
      if (form == 2)
        return "one of {" + member(f) + ", " + member(f) + "}";
      return member(f);
    case Fact::Kind::set:
      if (form == 3)
        return "at least " + set_literal(f);
      if (form == 4)
        return "at most " + set_literal(f);
      return set_literal(f);
    case Fact::Kind::predicate:
      if (form == 3)
        return "at least person where " + person_condition("");
      if (form == 4)
        return "at most person where " + person_condition("");
      if (form == 1)
        return "everyone";
      if (form == 2)
        return "no one";
      return "person where " + person_condition("");
    }
    return "unknown";
  }

  std::string provision(int p) {
    std::string out = "  provision p" + std::to_string(p) + " {\n    restricts: r\n";
    for (const auto& f : facts_)
      if (random_.chance(60))
        out += "    " + f.name + ": " + value(f) + "\n";
    return out + "    source: doc para 1\n  }\n";
  }

  Random random_;
  GeneratedSpec spec_;
  std::vector<Enum> enums_;
  std::vector<Fact> facts_;
  const std::vector<std::string> levels_ = {"constitution", "code", "law", "bylaw"};
  const std::vector<std::string> compared_levels_ = {"constitution", "code", "bylaw"};
};

} // namespace

std::string generate_rules(std::uint64_t seed, const GeneratedSpec& spec) {
  return Generator(seed, spec).run();
}

} // namespace siracusa::fuzz
