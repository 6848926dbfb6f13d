#include "model/model.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace siracusa::model {

std::string display_paras(const std::vector<ParaRange>& paras) {
  std::string out;
  for (std::size_t i = 0; i < paras.size(); ++i) {
    if (i > 0)
      out += ", ";
    out += std::to_string(paras[i].low);
    if (paras[i].high != paras[i].low)
      out += "-" + std::to_string(paras[i].high);
  }
  return out;
}

namespace {
std::string para_suffix(const std::vector<ParaRange>& paras) {
  if (paras.empty())
    return "";
  bool several = paras.size() > 1 || paras.front().high != paras.front().low;
  return std::string(several ? ", paras. " : ", para. ") + display_paras(paras);
}
} // namespace

std::string verification_suffix(const Citation& citation) {
  return citation.unverified ? " (unverified)" : "";
}

std::string Citation::display() const {
  // The form's own words, as the rule author wrote them: the engine adds no name of a
  // treaty or a body (a rule base for another treaty uses the same forms).
  std::string text;
  if (kind == "covenant")
    text = "covenant art. " + reference;
  else if (kind == "general_comment")
    text = "general comment " + reference + para_suffix(paras);
  else if (kind == "siracusa")
    text = "siracusa" + para_suffix(paras);
  else
    text = reference + para_suffix(paras);
  return text + verification_suffix(*this);
}

std::string citation_text(const Citation& citation, const Model& model) {
  const Document* declared = citation.document.empty() ? nullptr : model.find_document(citation.document);
  if (!declared || declared->title.empty())
    return citation.display();
  std::string suffix = verification_suffix(citation);
  if (citation.kind == "covenant")
    return declared->title + ", art. " + citation.reference + suffix;
  return declared->title + para_suffix(citation.paras) + suffix;
}

std::string SourceRef::display() const {
  return document + para_suffix(paras);
}

const char* criterion_name(Criterion criterion) {
  switch (criterion) {
  case Criterion::legality:
    return "legality";
  case Criterion::legitimate_aim:
    return "legitimate_aim";
  case Criterion::necessity:
    return "necessity";
  case Criterion::proportionality:
    return "proportionality";
  case Criterion::non_discrimination:
    return "non_discrimination";
  case Criterion::positive_obligation:
    return "positive_obligation";
  case Criterion::conflict:
    return "conflict";
  }
  return "?";
}

std::optional<Criterion> criterion_from(const std::string& word) {
  for (auto c : {Criterion::legality, Criterion::legitimate_aim, Criterion::necessity, Criterion::proportionality,
                 Criterion::non_discrimination, Criterion::positive_obligation, Criterion::conflict})
    if (word == criterion_name(c))
      return c;
  return std::nullopt;
}

const char* strength_name(Strength strength) {
  switch (strength) {
  case Strength::per_se:
    return "per_se";
  case Strength::presumptive:
    return "presumptive";
  case Strength::concern:
    return "concern";
  }
  return "?";
}

std::optional<Strength> strength_from(const std::string& word) {
  for (auto s : {Strength::per_se, Strength::presumptive, Strength::concern})
    if (word == strength_name(s))
      return s;
  return std::nullopt;
}

const char* basis_name(Basis basis) {
  switch (basis) {
  case Basis::text:
    return "text";
  case Basis::practice:
    return "practice";
  case Basis::assessment:
    return "assessment";
  }
  return "?";
}

std::optional<Basis> basis_from(const std::string& word) {
  for (auto b : {Basis::text, Basis::practice, Basis::assessment})
    if (word == basis_name(b))
      return b;
  return std::nullopt;
}

bool Test::applies_to(int right) const {
  return all_rights || std::find(rights.begin(), rights.end(), right) != rights.end();
}

bool Distinction::covers(int right) const {
  return all_rights || std::find(rights.begin(), rights.end(), right) != rights.end();
}

const char* modality_name(Deontic::Modality modality) {
  switch (modality) {
  case Deontic::Modality::permits:
    return "permits";
  case Deontic::Modality::obliges:
    return "obliges";
  case Deontic::Modality::forbids:
    return "forbids";
  }
  return "?";
}

const StatedFact* Provision::find(int fact) const {
  auto it = std::lower_bound(facts.begin(), facts.end(), fact, [](const StatedFact& s, int f) { return s.fact < f; });
  return it != facts.end() && it->fact == fact ? &*it : nullptr;
}

namespace {
template <typename T, typename Key>
int index_by(const std::vector<T>& items, const std::string& wanted, Key key) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (key(items[i]) == wanted)
      return static_cast<int>(i);
  return -1;
}
} // namespace

int Model::find_right(const std::string& id) const {
  return index_by(rights, id, [](const Right& r) { return r.id; });
}
int Model::find_test(const std::string& id) const {
  return index_by(tests, id, [](const Test& t) { return t.id; });
}
int Model::find_fact(const std::string& name) const {
  return index_by(facts, name, [](const FactDecl& f) { return f.name; });
}
int Model::find_parameter(const std::string& id) const {
  return index_by(parameters, id, [](const Parameter& p) { return p.id; });
}
int Model::find_provision(const std::string& id) const {
  return index_by(provisions, id, [](const Provision& p) { return p.id; });
}
int Model::find_law(const std::string& id) const {
  return index_by(laws, id, [](const Law& l) { return l.id; });
}
int Model::find_duty(const std::string& id) const {
  return index_by(duties, id, [](const Duty& d) { return d.id; });
}
int Model::find_attribute(const std::string& name) const {
  return index_by(attributes, name, [](const Attribute& a) { return a.name; });
}
const Document* Model::find_document(const std::string& id) const {
  int i = index_by(documents, id, [](const Document& d) { return d.id; });
  return i < 0 ? nullptr : &documents[static_cast<std::size_t>(i)];
}

namespace {
std::string member_name(const EnumType* levels, int index) {
  if (!levels || index < 0 || static_cast<std::size_t>(index) >= levels->members.size())
    return "";
  return levels->members[static_cast<std::size_t>(index)];
}
} // namespace

std::string Model::level_name(const Law& law) const {
  return member_name(level, law.level);
}

int Model::level_of(const Provision& provision) const {
  return provision.level >= 0 ? provision.level : laws[static_cast<std::size_t>(provision.law)].level;
}

const Span& Model::level_span_of(const Provision& provision) const {
  return provision.level >= 0 ? provision.level_span : laws[static_cast<std::size_t>(provision.law)].level_span;
}

std::string Model::level_name(const Provision& provision) const {
  return member_name(level, level_of(provision));
}

namespace {
void collect(const Expr& e, ExprKind kind, std::vector<int>& out) {
  if (e.kind == kind)
    out.push_back(e.index());
  for (const auto& child : e.children)
    collect(*child, kind, out);
  for (const auto& binder : e.binders)
    if (binder.domain)
      collect(*binder.domain, kind, out);
}

std::vector<int> collected(const Expr& e, ExprKind kind) {
  std::vector<int> out;
  collect(e, kind, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}
} // namespace

std::vector<int> facts_used(const Expr& expr) {
  return collected(expr, ExprKind::fact);
}
std::vector<int> attributes_used(const Expr& expr) {
  return collected(expr, ExprKind::attribute);
}

// Howard Hinnant's days_from_civil, with validation.
std::optional<std::int64_t> days_from_civil(int year, int month, int day) {
  static constexpr std::array<int, 12> days_in_month = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1)
    return std::nullopt;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int limit = days_in_month[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
  if (day > limit)
    return std::nullopt;
  std::int64_t y = year - (month <= 2 ? 1 : 0);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t mp = (month + 9) % 12;
  std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string civil_from_days(std::int64_t z) {
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = yoe + era * 400;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2)
    ++y;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  return buffer;
}

} // namespace siracusa::model
