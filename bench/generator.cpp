#include "generator.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <random>

namespace siracusa::bench {

using namespace model;
namespace fs = std::filesystem;

namespace {

class Generator {
 public:
  Generator(const Model& rules, const CorpusSpec& spec) : rules_(rules), spec_(spec), random_(spec.seed) {}

  std::string provision(std::size_t index) {
    changeable_.clear();
    std::string out = "  provision p" + std::to_string(index) + " {\n";
    out += "    title: \"Synthetic provision " + std::to_string(index) + "\"\n";
    std::size_t right_count = 1 + below(2);
    std::vector<std::string> rights;
    for (std::size_t i = 0; i < right_count; ++i) {
      const auto& r = rules_.rights[below(rules_.rights.size())].id;
      if (std::find(rights.begin(), rights.end(), r) == rights.end())
        rights.push_back(r);
    }
    out += "    restricts: ";
    for (std::size_t i = 0; i < rights.size(); ++i)
      out += (i > 0 ? ", " : "") + rights[i];
    out += "\n";
    for (std::size_t f = 0; f < rules_.facts.size(); ++f) {
      const auto& fact = rules_.facts[f];
      bool predicate = fact.type.kind == Type::Kind::predicate;
      if (chance(predicate ? spec_.scope_probability : spec_.fact_probability))
        if (auto value = fact_value(fact.type)) {
          out += "    " + fact.name + ": " + *value + "\n";
          changeable_.push_back(f);
        }
    }
    // Each draw below is made only when asked for, so that the corpus is otherwise the
    // same as without them.
    if (spec_.acts > 0 && spec_.deontic_probability > 0 && chance(spec_.deontic_probability)) {
      static const char* const modalities[] = {"permits", "forbids", "permits", "forbids", "obliges"};
      out += std::string("    ") + modalities[below(5)] + ": synthetic_act_" + std::to_string(below(spec_.acts)) +
             " for " + scope(spec_.who_depth) + "\n";
    }
    if (!rules_.duties.empty() && spec_.implements_probability > 0 && chance(spec_.implements_probability)) {
      const auto& duty = rules_.duties[below(rules_.duties.size())].id;
      out += chance(0.5) ? "    implements: " + duty + "\n"
                         : "    implements partially: " + duty + " \"synthetic: no deadline\"\n";
    }
    out += "    source: synthetic para " + std::to_string(1 + index % 1000) + "\n";
    out += "  }\n";
    return out;
  }

  // With the spec's probability, an enacted amendment of the law's last provision written:
  // one of its facts changed to another value. Empty otherwise.
  std::string amendment(std::size_t law, std::size_t provision) {
    if (spec_.amendment_probability <= 0 || changeable_.empty() || !chance(spec_.amendment_probability))
      return {};
    const auto& fact = rules_.facts[changeable_[below(changeable_.size())]];
    auto value = fact_value(fact.type);
    if (!value)
      return {};
    std::string id = std::to_string(law);
    return "\namendment synthetic_amendment_" + id + " {\n  title: \"Synthetic amendment " + id +
           "\"\n  adopted: 2024-01-" + (law % 28 < 9 ? "0" : "") + std::to_string(1 + law % 28) +
           "\n  source: synthetic para 1\n" + "  amends synthetic_" + id + ".p" + std::to_string(provision) +
           " {\n    change " + fact.name + ": " + *value + "\n  }\n}\n";
  }

 private:
  std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(random_) < p; }

  static std::string quantity(long value, Unit unit) {
    return std::to_string(value) + (unit == Unit::none ? "" : std::string(" ") + unit_name(unit));
  }

  std::string members(const EnumType& e, bool allow_empty) {
    std::string out;
    for (const auto& m : e.members)
      if (chance(0.3))
        out += (out.empty() ? "" : ", ") + m;
    if (out.empty() && !allow_empty)
      out = e.members[below(e.members.size())];
    return "{" + out + "}";
  }

  std::optional<std::string> fact_value(const Type& type) {
    int form = static_cast<int>(below(10)); // 0-5 exact, 6 range/one of, 7 at least, 8 at most, 9 unknown
    if (form == 9)
      return "unknown";
    switch (type.kind) {
    case Type::Kind::boolean:
      return form == 6 ? std::string("one of {yes, no}") : std::string(chance(0.5) ? "yes" : "no");
    case Type::Kind::integer: {
      long a = static_cast<long>(below(31));
      long b = a + static_cast<long>(below(20));
      if (form == 6)
        return std::to_string(a) + ".." + quantity(b, type.unit);
      if (form == 7)
        return "at least " + quantity(a, type.unit);
      if (form == 8)
        return "at most " + quantity(b, type.unit);
      return quantity(a, type.unit);
    }
    case Type::Kind::date: {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", 1990 + static_cast<int>(below(36)),
                    1 + static_cast<int>(below(12)), 1 + static_cast<int>(below(28)));
      return std::string(form == 7 ? "at least " : form == 8 ? "at most " : "") + buffer;
    }
    case Type::Kind::enumeration: {
      const auto& e = *type.enumeration;
      if (form == 6 && e.members.size() > 1)
        return "one of {" + e.members[0] + ", " + e.members[1 + below(e.members.size() - 1)] + "}";
      return e.members[below(e.members.size())];
    }
    case Type::Kind::set:
      if (form == 7)
        return "at least " + members(*type.enumeration, true);
      if (form == 8)
        return "at most " + members(*type.enumeration, true);
      return members(*type.enumeration, true);
    case Type::Kind::predicate:
      return scope(spec_.scope_depth);
    case Type::Kind::text:
      return "\"synthetic " + std::to_string(below(5)) + "\"";
    default:
      return std::nullopt;
    }
  }

  // `person where` conditions on the person's attributes, or everyone: at depth 1 one or
  // two terms joined by `and`; deeper, such conditions joined by `and`/`or`, some negated.
  std::string scope(std::size_t depth) {
    if (rules_.attributes.empty() || chance(0.2))
      return "everyone";
    std::string out = condition(depth);
    return out.empty() ? "everyone" : "person where " + out;
  }

  std::string condition(std::size_t depth) {
    if (depth <= 1) {
      std::string out;
      std::size_t terms = 1 + below(2);
      for (std::size_t i = 0; i < terms; ++i) {
        std::string t = term();
        if (!t.empty())
          out += (out.empty() ? "" : " and ") + t;
      }
      return out;
    }
    std::string left = condition(depth - 1);
    std::string right = condition(depth - 1);
    if (left.empty() || right.empty())
      return left.empty() ? right : left;
    std::string joined = "(" + left + ")" + (chance(0.5) ? " and " : " or ") + "(" + right + ")";
    return chance(0.3) ? "not (" + joined + ")" : joined;
  }

  std::string term() {
    const auto& a = rules_.attributes[below(rules_.attributes.size())];
    switch (a.type.kind) {
    case Type::Kind::boolean:
      return chance(0.5) ? a.name : "not " + a.name;
    case Type::Kind::integer:
      return a.name + " >= " + quantity(static_cast<long>(14 + below(10)), a.type.unit);
    case Type::Kind::enumeration:
      return a.name + (chance(0.7) ? " == " : " != ") +
             a.type.enumeration->members[below(a.type.enumeration->members.size())];
    default:
      return {};
    }
  }

  const Model& rules_;
  const CorpusSpec& spec_;
  std::mt19937_64 random_;
  std::vector<std::size_t> changeable_; // the facts the last provision states
};

// One jurisdiction keeps the name corpora always had.
std::string jurisdiction(const CorpusSpec& spec, std::size_t index) {
  return spec.jurisdictions <= 1 ? std::string("synthetic_land")
                                 : "synthetic_land_" + std::to_string(index % spec.jurisdictions);
}

} // namespace

std::size_t write_corpus(const Model& rules, const fs::path& rules_folder, const fs::path& folder,
                         const CorpusSpec& spec) {
  fs::create_directories(folder);
  std::string imports;
  for (const auto& entry : fs::directory_iterator(rules_folder)) {
    if (entry.path().extension() == ".sir")
      imports += "import \"" + fs::relative(fs::absolute(entry.path()), fs::absolute(folder)).generic_string() + "\"\n";
  }
  {
    std::ofstream out(folder / "synthetic.sir");
    out << "# A synthetic jurisdiction for benchmarks.\n" << imports << "\n";
    out << "document synthetic {\n  title: \"Synthetic source\"\n  paragraphs: 1..1000\n}\n\n";
    for (std::size_t j = 0; j < spec.jurisdictions; ++j)
      out << (j > 0 ? "\n" : "") << "jurisdiction " << jurisdiction(spec, j) << " {\n  title: \"Synthetic land"
          << (spec.jurisdictions > 1 ? " " + std::to_string(j) : std::string()) << "\"\n}\n";
    for (std::size_t a = 0; a < spec.acts; ++a)
      out << (a == 0 ? "\n" : "") << "act synthetic_act_" << a << " \"Synthetic act " << a << ".\"\n";
  }
  Generator generator(rules, spec);
  std::size_t files = 1;
  for (std::size_t first = 0; first < spec.provisions; first += spec.provisions_per_law) {
    std::size_t law = first / spec.provisions_per_law;
    std::ofstream out(folder / ("law_" + std::to_string(law) + ".sir"));
    out << imports << "import \"synthetic.sir\"\n\n";
    out << "law synthetic_" << law << " {\n  title: \"Synthetic law " << law
        << "\"\n  jurisdiction: " << jurisdiction(spec, law) << "\n";
    // The levels are the rule base's; a rule base without them has laws without a level.
    if (rules.level && !rules.level->members.empty())
      out << "  level: " << rules.level->members[law % rules.level->members.size()] << "\n";
    out << "\n";
    std::size_t last = std::min(spec.provisions, first + spec.provisions_per_law);
    for (std::size_t p = first; p < last; ++p)
      out << generator.provision(p) << (p + 1 < last ? "\n" : "");
    out << "}\n";
    out << generator.amendment(law, last - 1);
    ++files;
  }
  return files;
}

} // namespace siracusa::bench
