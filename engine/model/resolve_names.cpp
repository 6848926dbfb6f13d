// engine/model — name tables: declaring every name once, in import order, and looking names up.
#include "model/resolver.hpp"

namespace siracusa::model::detail {

void Resolver::order_files() {
  std::vector<bool> placed(files_.files.size(), false);
  std::function<void(std::size_t)> visit = [&](std::size_t f) {
    if (placed[f])
      return;
    placed[f] = true; // before the imports: a cycle (already E0206) must not recurse forever
    for (auto imported : files_.files[f].imports)
      visit(imported);
    order_.push_back(f);
  };
  for (std::size_t f = 0; f < files_.files.size(); ++f)
    visit(f);
}

bool Resolver::declare_name(std::map<std::string, Entry>& table, const char* kind, const std::string& name, int index,
                            const Span& where) {
  auto [it, inserted] = table.emplace(name, Entry{index, current_file_, where});
  if (!inserted) {
    diagnostics_.error("E0202", where, std::string(kind) + " `" + name + "` is declared twice")
        .notes.push_back({it->second.span, "first declared here"});
  }
  return inserted;
}

int Resolver::lookup(const std::map<std::string, Entry>& table, const char* kind, const std::string& name,
                     const Span& where, const char* id) {
  auto it = table.find(name);
  if (it != table.end()) {
    if (files_.files[current_file_].visible[it->second.file])
      return it->second.index;
    diagnostics_.error(id, where, std::string("unknown ") + kind + " `" + name + "`")
        .notes.push_back({it->second.span, "declared here, in a file that `" + files_.files[current_file_].display +
                                               "` does not import; add an `import`"});
    return -1;
  }
  auto& d = diagnostics_.error(id, where, std::string("unknown ") + kind + " `" + name + "`");
  std::vector<std::string> candidates;
  for (const auto& [candidate, entry] : table)
    if (files_.files[current_file_].visible[entry.file])
      candidates.push_back(candidate);
  if (auto suggestion = closest(name, candidates))
    d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
  return -1;
}

int Resolver::lookup_right(const std::string& name, const Span& where) {
  if (rights_.count(name))
    return lookup(rights_, "right", name, where, "E0205");
  auto& d = diagnostics_.error("E0205", where, "unknown right `" + name + "`");
  std::vector<std::string> visible;
  for (const auto& [candidate, entry] : rights_)
    if (files_.files[current_file_].visible[entry.file])
      visible.push_back(candidate);
  // In the order of the Covenant: art2, art9, art12 (not art12, art2, art9).
  auto numbers = [](const std::string& id) {
    std::vector<std::size_t> out;
    for (const auto& run : digit_runs(id))
      out.push_back(run.size() > 9 ? 999'999'999 : std::stoul(run));
    return out;
  };
  std::sort(visible.begin(), visible.end(), [&](const std::string& a, const std::string& b) {
    return std::make_pair(numbers(a), a) < std::make_pair(numbers(b), b);
  });
  auto digits = digit_runs(name);
  std::vector<std::string> same_digits;
  for (const auto& candidate : visible)
    if (digit_runs(candidate) == digits)
      same_digits.push_back(candidate);
  if (auto suggestion = closest(name, same_digits)) {
    d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
    return -1;
  }
  if (digits.empty()) {
    if (!visible.empty())
      d.notes.push_back({{}, "the rights are " + join(visible)});
    return -1;
  }
  std::vector<std::string> same_article;
  for (const auto& candidate : visible) {
    const Right& right = model_.rights[static_cast<std::size_t>(rights_.at(candidate).index)];
    if (digit_runs(right.article).empty() || digit_runs(right.article).front() != digits.front())
      continue;
    same_article.push_back("`" + candidate + "` (article " + right.article + ")");
  }
  if (!same_article.empty()) {
    d.notes.push_back({{},
                       std::string(same_article.size() == 1 ? "the right for article " : "the rights for article ") +
                           digits.front() + (same_article.size() == 1 ? " is " : " are ") +
                           join(same_article, " and ")});
    return -1;
  }
  d.notes.push_back({{},
                     "the rule base has no right for article " + digits.front() +
                         (visible.empty() ? std::string() : "; the rights are " + join(visible))});
  return -1;
}

void Resolver::declare(const ast::EnumDecl& node) {
  auto& e = model_.enums->emplace_back();
  e.name = node.name.name;
  e.doc = node.doc ? node.doc->joined() : "";
  std::optional<std::string> role;
  if (node.role)
    role = word_from(node.role->word, enum_roles, "enum role", span(*node.role));
  std::set<std::string> seen;
  for (const auto& member : node.members) {
    // Only a level is read as a word (`level: law`); anywhere else a reserved word would
    // be taken for the keyword.
    if (role != "level" && syntax::is_reserved_word(member.name.name)) {
      diagnostics_
          .error("E0101", span(member.name), "`" + member.name.name + "` is a reserved word and cannot name a member")
          .notes.push_back({{}, "only the members of the enum `for level` may be reserved words; rename this one"});
      continue;
    }
    if (!seen.insert(member.name.name).second) {
      diagnostics_.error("E0202", span(member.name),
                         "member `" + member.name.name + "` appears twice in enum `" + e.name + "`");
      continue;
    }
    if (e.members.size() == max_enum_members) {
      diagnostics_
          .error("E0221", span(member.name),
                 "enum `" + e.name + "` has too many members (the limit is " + std::to_string(max_enum_members) + ")")
          .notes.push_back({{}, "split the enum, or describe the distinction with several facts"});
      break;
    }
    e.members.push_back(member.name.name);
    e.docs.push_back(member.doc ? member.doc->joined() : "");
  }
  if (!declare_name(enums_, "enum", e.name, static_cast<int>(model_.enums->size() - 1), span(node.name)) || !role)
    return;
  auto [it, first] =
      roles_.emplace(*role, Entry{static_cast<int>(model_.enums->size() - 1), current_file_, span(*node.role)});
  if (!first) {
    diagnostics_.error("E0202", span(*node.role), "a second enum is declared `for " + *role + "`")
        .notes.push_back({it->second.span, "the first is declared here"});
    return;
  }
  // A law's level is one bit of the fast path's 64-bit sets of members.
  if (*role == "level" && e.members.size() > max_levels) {
    diagnostics_.error("E0221", span(node.name),
                       "enum `" + e.name + "` declares too many levels (the limit is " + std::to_string(max_levels) +
                           ")");
    return;
  }
  if (*role == "aims")
    model_.aims_enum = &e;
  else if (*role == "limitation")
    model_.limitation = &e;
  else
    model_.level = &e;
}

void Resolver::declare(const ast::PersonDecl& node) {
  for (const auto& attribute : node.attributes) {
    Attribute a;
    a.name = attribute.name.name;
    a.is_protected = attribute.is_protected;
    a.doc = attribute.doc ? attribute.doc->joined() : "";
    a.span = span(attribute.name);
    if (model_.attributes.size() == max_person_attributes) {
      diagnostics_
          .error("E0221", a.span,
                 "a person has too many attributes (the limit is " + std::to_string(max_person_attributes) + ")")
          .notes.push_back({{}, "a test tells persons apart by the attributes it mentions; keep the ones tests use"});
      return;
    }
    if (declare_name(attributes_, "person attribute", a.name, static_cast<int>(model_.attributes.size()), a.span))
      model_.attributes.push_back(std::move(a));
  }
}

void Resolver::declare(const ast::FactDecl& node) {
  FactDecl f;
  f.name = node.name.name;
  f.doc = node.doc ? node.doc->joined() : "";
  f.span = span(node.name);
  if (declare_name(facts_, "fact", f.name, static_cast<int>(model_.facts.size()), f.span))
    model_.facts.push_back(std::move(f));
}

void Resolver::declare(const ast::DutyDecl& node) {
  Duty d;
  d.id = node.name.name;
  d.doc = node.doc ? node.doc->joined() : "";
  d.span = span(node.name);
  if (declare_name(duties_, "duty", d.id, static_cast<int>(model_.duties.size()), d.span))
    model_.duties.push_back(std::move(d));
}

void Resolver::declare(const ast::ActDecl& node) {
  Act a;
  a.id = node.name.name;
  a.doc = node.doc ? node.doc->joined() : "";
  a.span = span(node.name);
  if (declare_name(acts_, "act", a.id, static_cast<int>(model_.acts.size()), a.span))
    model_.acts.push_back(std::move(a));
}

void Resolver::declare(const ast::Block& node) {
  const std::string& name = node.name.name;
  Span where = span(node.name);
  if (node.kind == "document") {
    Document d;
    d.id = name;
    d.span = where;
    if (declare_name(documents_, "document", name, static_cast<int>(model_.documents.size()), where))
      model_.documents.push_back(std::move(d));
  } else if (node.kind == "right") {
    Right r;
    r.id = name;
    r.span = where;
    // Known from the start: an unknown right is matched against the articles of the
    // rights (lookup_right) before pass 3 resolves them.
    for (const auto& clause : node.clauses)
      if (clause.key == "article")
        if (const auto* article = get_if<ast::ArticleRef>(clause.value)) {
          r.article = article->text;
          break;
        }
    if (declare_name(rights_, "right", name, static_cast<int>(model_.rights.size()), where))
      model_.rights.push_back(std::move(r));
  } else if (node.kind == "test") {
    Test t;
    t.id = name;
    t.span = where;
    if (declare_name(tests_, "test", name, static_cast<int>(model_.tests.size()), where))
      model_.tests.push_back(std::move(t));
  } else if (node.kind == "parameter") {
    Parameter p;
    p.id = name;
    p.span = where;
    if (declare_name(parameters_, "parameter", name, static_cast<int>(model_.parameters.size()), where))
      model_.parameters.push_back(std::move(p));
  } else if (node.kind == "distinction") {
    Distinction d;
    d.id = name;
    d.span = where;
    if (declare_name(distinctions_, "distinction", name, static_cast<int>(model_.distinctions.size()), where))
      model_.distinctions.push_back(std::move(d));
  } else if (node.kind == "jurisdiction") {
    Jurisdiction j;
    j.id = name;
    j.span = where;
    if (declare_name(jurisdictions_, "jurisdiction", name, static_cast<int>(model_.jurisdictions.size()), where))
      model_.jurisdictions.push_back(std::move(j));
  }
}

void Resolver::declare(const ast::LawDecl& node) {
  Law law;
  law.id = node.name.name;
  law.span = span(node.name);
  int law_index = static_cast<int>(model_.laws.size());
  if (!declare_name(laws_, "law", law.id, law_index, law.span))
    return;
  for (const auto& item : node.items) {
    if (auto* provision = boost::get<ast::ProvisionDecl>(&item.get())) {
      Provision p;
      p.name = provision->name.name;
      p.id = law.id + "." + p.name;
      p.law = law_index;
      p.span = span(provision->name);
      if (law.provisions.size() == max_provisions_per_law) {
        diagnostics_
            .error("E0221", p.span,
                   "law `" + law.id + "` has too many provisions (the limit is " +
                       std::to_string(max_provisions_per_law) + ")")
            .notes.push_back({{}, "split the law into several laws"});
        break;
      }
      if (declare_name(provisions_, "provision", p.id, static_cast<int>(model_.provisions.size()), p.span)) {
        law.provisions.push_back(static_cast<int>(model_.provisions.size()));
        model_.provisions.push_back(std::move(p));
      }
    }
  }
  model_.laws.push_back(std::move(law));
}

void Resolver::declare(const ast::AmendmentDecl& node) {
  Amendment a;
  a.id = node.name.name;
  a.span = span(node.name);
  if (declare_name(amendments_, "amendment", a.id, static_cast<int>(model_.amendments.size()), a.span))
    model_.amendments.push_back(std::move(a));
}

int Resolver::own_index(const std::map<std::string, Entry>& table, const ast::Identifier& name) {
  auto it = table.find(name.name);
  if (it == table.end() || it->second.file != current_file_ || it->second.span.begin != span(name).begin)
    return -1; // a duplicate, already reported
  return it->second.index;
}

Resolver::Clauses Resolver::collect(const std::vector<ast::Clause>& clauses, const std::string& kind,
                                    const ast::Identifier& owner) {
  static const std::set<std::string> repeatable = {"source",  "cites",           "permits", "obliges",
                                                   "forbids", "reported_absent", "unless",  "implements_partially"};
  Clauses out;
  std::map<std::string, const ast::Clause*> seen;
  for (const auto& clause : clauses) {
    std::string key = clause.key == "fact" ? "fact:" + clause.fact.name : clause.key;
    if (!repeatable.count(clause.key)) {
      auto [it, inserted] = seen.emplace(key, &clause);
      if (!inserted) {
        std::string shown = clause.key == "fact" ? clause.fact.name : clause.key;
        std::replace(shown.begin(), shown.end(), '_', ' ');
        if (clause.key == "fact")
          shown = clause.fact.name;
        diagnostics_.error("E0211", span(clause), "`" + shown + "` is given twice in " + kind + " `" + owner.name + "`")
            .notes.push_back({span(*it->second), "first given here"});
        continue;
      }
    }
    out.by_key.emplace(clause.key, &clause);
  }
  return out;
}

std::optional<std::int64_t> Resolver::number(const std::string& digits, const Span& where) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || value > max_number) {
    diagnostics_.error("E0106", where, "number `" + digits + "` is too large (the limit is 10^12)");
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> Resolver::date(const ast::DateLit& node) {
  const std::string& t = node.text;
  int year = std::stoi(t.substr(0, 4));
  int month = std::stoi(t.substr(5, 2));
  int day = std::stoi(t.substr(8, 2));
  auto days = days_from_civil(year, month, day);
  if (!days)
    diagnostics_.error("E0105", span(node), "`" + t + "` is not a valid calendar date");
  return days;
}

} // namespace siracusa::model::detail
