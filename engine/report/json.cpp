// The JSON report: every listed finding with the fields docs/findings.schema.json
// documents, the counts, what the run read (each file with its digest) and how it was
// asked; and `explain --format json`. The report is streamed finding by finding
// (json_writer.hpp): a corpus's report is never held in memory whole.
#include "model/print.hpp"
#include "report/json_finding.hpp"
#include "report/json_writer.hpp"
#include "report/report.hpp"
#include "report/selection.hpp"
#include "report/words.hpp"

#include <sstream>

namespace siracusa::report {

using check::Finding;
using check::Verdict;
using nlohmann::ordered_json;

namespace {

ordered_json nullable(const std::string& s) {
  return s.empty() ? ordered_json(nullptr) : ordered_json(s);
}

ordered_json nullable(const std::optional<std::string>& s) {
  return s ? ordered_json(*s) : ordered_json(nullptr);
}

void write_sources(JsonOut& out, const std::vector<check::SourcePara>& sources) {
  out.begin_array();
  for (const auto& s : sources) {
    out.begin_object();
    out.key("doc").string(s.document);
    out.key("para").number(s.para);
    out.end_object();
  }
  out.end_array();
}

void write_location(JsonOut& out, const check::Location& at) {
  out.key("file").string(at.file);
  out.key("line").number(at.line);
  out.key("column").number(at.column);
}

void write_witness(JsonOut& out, const std::optional<solve::Witness>& w) {
  if (!w) {
    out.null();
    return;
  }
  auto pairs = [&out](const auto& list) {
    out.begin_array();
    for (const auto& v : list) {
      out.begin_object();
      out.key("name").string(v.name);
      out.key("value").string(v.value);
      out.end_object();
    }
    out.end_array();
  };
  out.begin_object();
  out.key("facts");
  pairs(w->facts);
  out.key("persons").begin_array();
  for (const auto& p : w->persons) {
    out.begin_object();
    out.key("name").string(p.name);
    out.key("attributes");
    pairs(p.attributes);
    out.end_object();
  }
  out.end_array();
  out.key("sentence").string(witness_sentence(*w));
  out.end_object();
}

void write_provision(JsonOut& out, const Finding& f) {
  if (!f.provision) {
    out.null();
    return;
  }
  const auto& p = *f.provision;
  out.begin_object();
  out.key("id").string(p.id);
  out.key("title").string(p.title);
  out.key("article").string(p.article);
  out.key("law").string(p.law);
  out.key("law_title").string(p.law_title);
  // A rule base without levels gives laws none.
  if (p.level.empty())
    out.key("level").null();
  else
    out.key("level").string(p.level);
  out.key("jurisdiction").string(f.jurisdiction);
  write_location(out, p.location);
  out.end_object();
}

// Whether a recommendation applies: only where something may be wrong.
bool recommends(Verdict v) {
  return v == Verdict::fails || v == Verdict::may_fail || v == Verdict::undetermined;
}

ordered_json filters_json(const Filters& filters) {
  return {{"rights", filters.rights},
          {"laws", filters.laws},
          {"criteria", filters.criteria},
          {"verdicts", filters.verdicts},
          {"strengths", filters.strengths}};
}

ordered_json tool_json(const ReportInfo& info) {
  return {{"name", "siracusa"},
          {"version", info.version},
          {"options",
           {{"include_passes", info.include_passes},
            {"include_all", info.include_all},
            {"timeout_ms", info.timeout_ms},
            {"rlimit", info.rlimit},
            {"min_basis", model::basis_name(info.min_basis)},
            {"as_of", nullable(info.as_of)},
            {"filters", filters_json(info.filters)},
            {"baseline", info.baseline ? ordered_json(info.baseline->file) : ordered_json(nullptr)}}},
          {"generated", nullable(info.generated)}};
}

// The members of a finding, without the braces, so that an entry can add its own.
void finding_members(JsonOut& out, const Finding& f) {
  out.key("id").string(f.id);
  out.key("provision");
  write_provision(out, f);
  out.key("jurisdiction").string(f.jurisdiction);
  out.key("article").nullable(f.article);
  out.key("right").nullable(f.right);
  out.key("test").string(f.test->id);
  out.key("test_title").string(f.test->title);
  out.key("criterion").string(model::criterion_name(f.test->criterion));
  out.key("verdict").string(solve::verdict_name(f.verdict));
  out.key("strength").string(model::strength_name(f.strength));
  if (f.basis)
    out.key("basis").string(model::basis_name(*f.basis));
  else
    out.key("basis").null();
  out.key("because").begin_array();
  for (const auto& c : f.because) {
    out.begin_object();
    out.key("fact").string(c.fact);
    out.key("statement").string(c.statement);
    write_location(out, c.location);
    out.key("basis").string(model::basis_name(c.basis));
    out.key("sources");
    write_sources(out, c.sources);
    out.end_object();
  }
  out.end_array();
  out.key("missing").strings(f.missing);
  out.key("witness");
  write_witness(out, f.witness);
  out.key("citations").strings(f.test->citations);
  out.key("sources");
  write_sources(out, f.sources);
  out.key("explanation").string(f.test->explanation);
  if (f.strength == model::Strength::presumptive)
    out.key("justification").nullable(f.test->justification);
  else
    out.key("justification").null();
  out.key("exceptions").strings(f.test->exceptions);
  if (recommends(f.verdict))
    out.key("recommendation").nullable(f.test->recommendation);
  else
    out.key("recommendation").null();
  if (f.conflict) {
    const auto& c = *f.conflict;
    out.key("conflict").begin_object();
    out.key("with").string(c.other);
    out.key("act").string(c.act);
    out.key("modality").string(c.modality);
    out.key("other_modality").string(c.other_modality);
    out.key("prevails").nullable(c.prevails);
    out.key("rule").string(c.rule);
    out.end_object();
  } else {
    out.key("conflict").null();
  }
  out.key("good_practice").boolean(f.good_practice);
  out.key("note").string(note_text(f));
}

} // namespace

void write_finding(JsonOut& out, const Finding& f) {
  out.begin_object();
  finding_members(out, f);
  out.end_object();
}

void write_entry(JsonOut& out, const Entry& e) {
  out.begin_object();
  finding_members(out, *e.finding);
  if (e.review) {
    const Review& r = *e.review;
    out.key("review").begin_object();
    out.key("status").string(review_status_name(r.status));
    out.key("reason").string(r.reason);
    out.key("by").string(r.by);
    out.key("date").nullable(r.date);
    out.key("verdict").nullable(r.verdict);
    out.key("current").boolean(review_current(r, *e.finding));
    write_location(out, check::location_of(r.span));
    out.end_object();
  }
  if (e.change == Change::added) {
    out.key("change").begin_object();
    out.key("kind").string("new");
    out.key("was").null();
    out.end_object();
  } else if (e.change == Change::changed && e.was) {
    out.key("change").begin_object();
    out.key("kind").string("changed");
    out.key("was").begin_object();
    out.key("verdict").string(e.was->verdict);
    out.key("strength").string(e.was->strength);
    out.key("basis").nullable(e.was->basis);
    out.end_object();
    out.end_object();
  }
  out.end_object();
}

ordered_json finding_json(const Finding& f) {
  JsonTree tree;
  write_finding(tree, f);
  return tree.take();
}

ordered_json entry_json(const Entry& e) {
  JsonTree tree;
  write_entry(tree, e);
  return tree.take();
}

void write_json(std::ostream& stream, const check::Result& result, const model::Model& model, const ReportInfo& info) {
  Selection selection = select(result, info);
  JsonStream out(stream);
  out.begin_object();
  out.key("tool").tree(tool_json(info));
  ordered_json files = ordered_json::array();
  if (info.files.empty()) {
    for (const auto& name : model.files)
      files.push_back({{"path", name}, {"sha256", nullptr}});
  } else {
    for (const auto& file : info.files)
      files.push_back({{"path", file.path}, {"sha256", nullable(file.sha256)}});
  }
  out.key("inputs").tree({{"origin", info.origin},
                          {"rule_base", info.rule_base},
                          {"rule_base_digest", nullable(info.rule_base_digest)},
                          {"files", files},
                          {"rights", model.rights.size()},
                          {"tests", model.tests.size()},
                          {"laws", model.laws.size()},
                          {"provisions", model.provisions.size()}});
  out.key("as_of").tree(info.as_of ? ordered_json(*info.as_of) : ordered_json(nullptr));
  out.key("amendments").tree({{"applied", info.amendments_applied}, {"drafts_not_applied", info.drafts_not_applied}});
  ordered_json parameters = ordered_json::array();
  for (const auto& p : info.parameters)
    parameters.push_back({{"id", p.id}, {"value", p.value}, {"set_by", nullable(p.set_by)}});
  out.key("parameters").tree(parameters);
  out.key("findings").begin_array();
  for (const auto& e : selection.listed)
    write_entry(out, e);
  out.end_array();
  const auto& s = result.summary;
  out.key("summary").tree({{"provisions", s.provisions},
                           {"tests", s.tests},
                           {"evaluated", s.evaluated},
                           {"fails", s.fails},
                           {"may_fail", s.may_fail},
                           {"passes", s.passes},
                           {"undetermined", s.undetermined},
                           {"not_applicable", s.not_applicable},
                           {"unassessed", s.unassessed}});
  out.key("listing").tree({{"listed", selection.listed.size()},
                           {"not_asked", selection.not_asked},
                           {"filtered_out", selection.filtered_out},
                           {"unchanged", selection.unchanged},
                           {"gone", selection.gone},
                           {"reviewed", selection.reviewed},
                           {"contested", selection.contested}});
  out.end_object();
  out.raw("\n");
  out.flush();
}

std::string render_json(const check::Result& result, const model::Model& model, const ReportInfo& info) {
  std::ostringstream out;
  write_json(out, result, model, info);
  return std::move(out).str();
}

std::string render_explain_json(const std::vector<const Finding*>& findings, const model::Model& model,
                                const ReportInfo& info) {
  ordered_json list = ordered_json::array();
  for (const Finding* f : findings) {
    ordered_json item;
    item["finding"] = finding_json(*f);
    item["condition"] = nullable(f->test->condition);
    ordered_json facts = ordered_json::array();
    int index = f->provision ? model.find_provision(f->provision->id) : -1;
    if (index >= 0) {
      for (const auto& stated : model.provisions[static_cast<std::size_t>(index)].facts) {
        auto at = check::location_of(stated.value.span);
        facts.push_back({{"fact", model.facts[static_cast<std::size_t>(stated.fact)].name},
                         {"value", model::to_text(stated.value, model)},
                         {"basis", model::basis_name(stated.basis)},
                         {"inherited", stated.inherited},
                         {"file", at.file},
                         {"line", at.line},
                         {"column", at.column}});
      }
    }
    item["stated_facts"] = facts;
    list.push_back(item);
  }
  ordered_json root;
  root["tool"] = {{"name", "siracusa"}, {"version", info.version}};
  root["explained"] = list;
  return root.dump(2) + "\n";
}

} // namespace siracusa::report
