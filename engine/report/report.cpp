#include "report/report.hpp"

#include "model/print.hpp"

#include <nlohmann/json.hpp>

#include <map>

namespace siracusa::report {

using check::Finding;
using check::Verdict;
using nlohmann::ordered_json;

namespace {

ordered_json location_json(const check::Location& l) {
  return ordered_json{{"file", l.file}, {"line", l.line}, {"column", l.column}};
}

ordered_json witness_json(const std::optional<solve::Witness>& w) {
  if (!w)
    return nullptr;
  ordered_json facts = ordered_json::array();
  for (const auto& v : w->facts)
    facts.push_back({{"name", v.name}, {"value", v.value}});
  ordered_json persons = ordered_json::array();
  for (const auto& p : w->persons) {
    ordered_json attributes = ordered_json::array();
    for (const auto& a : p.attributes)
      attributes.push_back({{"name", a.name}, {"value", a.value}});
    persons.push_back({{"name", p.name}, {"attributes", attributes}});
  }
  return ordered_json{{"facts", facts}, {"persons", persons}};
}

ordered_json finding_json(const Finding& f) {
  ordered_json j;
  j["id"] = f.id;
  if (f.provision) {
    const auto& p = *f.provision;
    ordered_json provision{{"id", p.id},
                           {"title", p.title},
                           {"article", p.article},
                           {"law", p.law},
                           {"law_title", p.law_title},
                           {"level", p.level},
                           {"jurisdiction", f.jurisdiction}};
    provision["file"] = p.location.file;
    provision["line"] = p.location.line;
    provision["column"] = p.location.column;
    j["provision"] = provision;
  } else {
    j["provision"] = nullptr;
  }
  j["jurisdiction"] = f.jurisdiction;
  j["article"] = f.article.empty() ? ordered_json(nullptr) : ordered_json(f.article);
  j["right"] = f.right.empty() ? ordered_json(nullptr) : ordered_json(f.right);
  j["test"] = f.test->id;
  j["test_title"] = f.test->title;
  j["criterion"] = model::criterion_name(f.test->criterion);
  j["verdict"] = solve::verdict_name(f.verdict);
  ordered_json because = ordered_json::array();
  for (const auto& c : f.because) {
    ordered_json cause{{"fact", c.fact}, {"statement", c.statement}};
    cause.update(location_json(c.location));
    because.push_back(cause);
  }
  j["because"] = because;
  j["witness"] = witness_json(f.witness);
  j["citations"] = f.test->citations;
  ordered_json sources = ordered_json::array();
  if (f.sources)
    for (const auto& s : *f.sources)
      sources.push_back({{"doc", s.document}, {"para", s.para}});
  j["sources"] = sources;
  j["explanation"] = f.test->explanation;
  j["recommendation"] = f.test->recommendation;
  if (f.conflict) {
    const auto& c = *f.conflict;
    j["conflict"] = {{"with", c.other},
                     {"act", c.act},
                     {"modality", c.modality},
                     {"other_modality", c.other_modality},
                     {"prevails", c.prevails.empty() ? ordered_json(nullptr) : ordered_json(c.prevails)},
                     {"rule", c.rule}};
  } else {
    j["conflict"] = nullptr;
  }
  j["route"] = f.route;
  j["note"] = f.note;
  return j;
}

const char* color_of(Verdict v) {
  switch (v) {
  case Verdict::fails:
    return "\x1b[1;31m";
  case Verdict::may_fail:
    return "\x1b[1;33m";
  case Verdict::passes:
    return "\x1b[1;32m";
  case Verdict::undetermined:
    return "\x1b[1;35m";
  }
  return "";
}

std::string upper(std::string s) {
  for (auto& c : s)
    c = c == '_' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string where(const check::Location& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

std::string sources_text(const std::vector<check::SourcePara>& sources) {
  std::map<std::string, std::vector<int>> by_doc;
  for (const auto& s : sources)
    by_doc[s.document].push_back(s.para);
  std::string out;
  for (const auto& [doc, paras] : by_doc) {
    out += (out.empty() ? "" : "; ") + doc + (paras.size() > 1 ? " paras. " : " para. ");
    for (std::size_t i = 0; i < paras.size(); ++i)
      out += (i > 0 ? ", " : "") + std::to_string(paras[i]);
  }
  return out;
}

std::string witness_text(const solve::Witness& w) {
  std::string out;
  for (const auto& p : w.persons) {
    out += (out.empty() ? "" : "; ") + std::string("person ") + p.name;
    if (!p.attributes.empty()) {
      out += " (";
      for (std::size_t i = 0; i < p.attributes.size(); ++i)
        out += (i > 0 ? ", " : "") + p.attributes[i].name + " = " + p.attributes[i].value;
      out += ")";
    }
  }
  for (const auto& v : w.facts)
    out += (out.empty() ? "" : "; ") + v.name + " = " + v.value;
  return out;
}

struct Style {
  bool color;
  std::string verdict(Verdict v) const {
    std::string word = upper(solve::verdict_name(v));
    return color ? color_of(v) + word + "\x1b[0m" : word;
  }
  std::string dim(const std::string& s) const { return color ? "\x1b[2m" + s + "\x1b[0m" : s; }
  std::string bold(const std::string& s) const { return color ? "\x1b[1m" + s + "\x1b[0m" : s; }
};

void finding_text(std::string& out, const Finding& f, const Style& style, const std::string& indent) {
  out += indent + style.verdict(f.verdict) + "  " + (f.right.empty() ? "-" : f.right) + "  " + f.test->id + "  [" +
         model::criterion_name(f.test->criterion) + "]\n";
  std::string inner = indent + "    ";
  out += inner + f.test->title + "\n";
  if (f.conflict) {
    const auto& c = *f.conflict;
    out += inner + "conflicts with: " + c.other + " (" + c.modality + " vs " + c.other_modality + " `" + c.act +
           "`); " +
           (c.prevails.empty() ? std::string("no rule says which prevails") : c.prevails + " prevails by " + c.rule) +
           "\n";
  }
  for (const auto& c : f.because)
    out += inner + "because: " + c.statement + "  " + style.dim(where(c.location)) + "\n";
  if (f.witness && !f.witness->empty())
    out += inner + "witness: " + witness_text(*f.witness) + "\n";
  if (!f.note.empty() && f.verdict == Verdict::undetermined)
    out += inner + "note: " + f.note + "\n";
  if (f.verdict == Verdict::may_fail)
    return; // the open facts are the story; `explain` gives citations and sources
  const auto& citations = f.test->citations;
  if (!citations.empty()) {
    out += inner + "cites: ";
    for (std::size_t i = 0; i < citations.size(); ++i)
      out += (i > 0 ? "; " : "") + citations[i];
    out += "\n";
  }
  if (f.sources && !f.sources->empty())
    out += inner + "sources: " + sources_text(*f.sources) + "\n";
  if (f.verdict != Verdict::passes && !f.test->recommendation.empty())
    out += inner + "recommendation: " + f.test->recommendation + "\n";
}

} // namespace

std::string render_json(const check::Result& result, const model::Model& model, const ReportInfo& info) {
  ordered_json root;
  root["tool"] = {{"name", "siracusa"},
                  {"version", info.version},
                  {"options",
                   {{"include_passes", info.include_passes},
                    {"timeout_ms", info.timeout_ms},
                    {"rlimit", info.rlimit},
                    {"all_z3", info.all_z3}}}};
  root["inputs"] = {{"origin", info.origin},         {"files", model.files},
                    {"rights", model.rights.size()}, {"tests", model.tests.size()},
                    {"laws", model.laws.size()},     {"provisions", model.provisions.size()}};
  ordered_json findings = ordered_json::array();
  for (const auto& f : result.findings)
    if (info.include_passes || f.verdict != Verdict::passes)
      findings.push_back(finding_json(f));
  root["findings"] = findings;
  const auto& s = result.summary;
  root["summary"] = {
      {"provisions", s.provisions}, {"tests", s.tests},   {"evaluated", s.evaluated},      {"fails", s.fails},
      {"may_fail", s.may_fail},     {"passes", s.passes}, {"undetermined", s.undetermined}};
  return root.dump(2) + "\n";
}

std::string render_text(const check::Result& result, const model::Model& model, const ReportInfo& info, bool color) {
  Style style{color};
  std::string out;
  out += style.bold("Siracusa " + info.version) + " — " + std::to_string(model.provisions.size()) + " provisions, " +
         std::to_string(model.tests.size()) + " tests (" + info.origin + ")\n";
  // Group by law, then provision, in the order of the laws' ids.
  std::map<std::string, std::map<std::string, std::vector<const Finding*>>> by_law;
  std::vector<const Finding*> gaps;
  for (const auto& f : result.findings) {
    if (!info.include_passes && f.verdict == Verdict::passes)
      continue;
    if (f.provision)
      by_law[f.provision->law][f.provision->id].push_back(&f);
    else
      gaps.push_back(&f);
  }
  for (const auto& [law_id, provisions] : by_law) {
    const auto& any = *provisions.begin()->second.front()->provision;
    out += "\n" + style.bold(law_id) + " — " + any.law_title + " (" + any.level + ", " +
           provisions.begin()->second.front()->jurisdiction + ")\n";
    for (const auto& [provision_id, findings] : provisions) {
      const auto& p = *findings.front()->provision;
      out += "  provision " + style.bold(provision_id) + (p.title.empty() ? "" : " — " + p.title) + "  " +
             style.dim(where(p.location)) + "\n";
      std::vector<std::string> silent;
      for (const Finding* f : findings) {
        if (f->verdict == Verdict::may_fail && f->note == check::silent_note)
          silent.push_back(f->test->id + (f->right.empty() ? "" : " (" + f->right + ")"));
        else
          finding_text(out, *f, style, "    ");
      }
      if (!silent.empty()) {
        out += "    " + style.verdict(Verdict::may_fail) + "  on " + std::to_string(silent.size()) + " more test" +
               (silent.size() == 1 ? "" : "s") + " whose facts the provision does not state: ";
        for (std::size_t i = 0; i < silent.size(); ++i)
          out += (i > 0 ? ", " : "") + silent[i];
        out += "\n";
      }
    }
  }
  if (!gaps.empty()) {
    out += "\n" + style.bold("Duties without an implementing provision (positive obligations)") + "\n";
    for (const Finding* f : gaps) {
      out += "  " + f->jurisdiction + "\n";
      finding_text(out, *f, style, "    ");
    }
  }
  const auto& s = result.summary;
  out += "\nSummary: " + std::to_string(s.provisions) + " provisions, " + std::to_string(s.tests) + " tests, " +
         std::to_string(s.evaluated) + " evaluated: " + style.verdict(Verdict::fails) + " " + std::to_string(s.fails) +
         ", " + style.verdict(Verdict::may_fail) + " " + std::to_string(s.may_fail) + ", " +
         style.verdict(Verdict::passes) + " " + std::to_string(s.passes) + ", " + style.verdict(Verdict::undetermined) +
         " " + std::to_string(s.undetermined) + "\n";
  if (!info.include_passes && s.passes > 0)
    out +=
        style.dim("(" + std::to_string(s.passes) + " passing findings not listed; --include-passes lists them)") + "\n";
  return out;
}

std::string render_explain(const Finding& f, const model::Model& model, bool color) {
  Style style{color};
  std::string out;
  out += style.bold("Finding " + f.id) + "\n\n";
  out += "verdict:    " + style.verdict(f.verdict) + "\n";
  if (f.provision) {
    const auto& p = *f.provision;
    out +=
        "provision:  " + p.id + (p.title.empty() ? "" : " — " + p.title) + "  " + style.dim(where(p.location)) + "\n";
    out += "law:        " + p.law + " — " + p.law_title + " (" + p.level + ", " + f.jurisdiction + ")\n";
  } else {
    out += "provision:  none (a duty no provision of " + f.jurisdiction + " implements)\n";
  }
  out += "right:      " + (f.right.empty() ? std::string("-") : f.right + ", ICCPR art. " + f.article) + "\n";
  out += "test:       " + f.test->id + " — " + f.test->title + " [" + model::criterion_name(f.test->criterion) + "]\n";
  if (!f.test->condition.empty())
    out += "fails when: " + f.test->condition + "\n";
  int test_index = model.find_test(f.test->id);
  if (test_index >= 0 && model.tests[static_cast<std::size_t>(test_index)].duty >= 0)
    out += "requires:   " +
           model.duties[static_cast<std::size_t>(model.tests[static_cast<std::size_t>(test_index)].duty)].id + "\n";
  if (f.provision) {
    int pi = model.find_provision(f.provision->id);
    if (pi >= 0) {
      const auto& provision = model.provisions[static_cast<std::size_t>(pi)];
      out += "\nfacts the provision states:\n";
      if (provision.facts.empty())
        out += "  (none)\n";
      for (const auto& stated : provision.facts) {
        auto l = check::location_of(stated.value.span);
        out += "  " + model.facts[static_cast<std::size_t>(stated.fact)].name + ": " +
               model::to_text(stated.value, model) + "  " + style.dim(where(l)) + "\n";
      }
    }
  }
  if (f.conflict) {
    const auto& c = *f.conflict;
    out += "\nconflict:   " + c.modality + " `" + c.act + "` here, " + c.other_modality + " in " + c.other + "\n";
    out +=
        "prevails:   " + (c.prevails.empty() ? std::string("no rule decides") : c.prevails + " (by " + c.rule + ")") +
        "\n";
  }
  out += "\n";
  switch (f.verdict) {
  case Verdict::fails:
    out += "why it fails (every reading of the facts fails; these facts alone force it):\n";
    break;
  case Verdict::passes:
    out += "why it passes (no reading fails; these facts save it):\n";
    break;
  case Verdict::may_fail:
    out += "it fails under some readings of the facts the provision leaves open.\n";
    break;
  case Verdict::undetermined:
    out += "the solver stopped before deciding: " + f.note + "\n";
    break;
  }
  for (const auto& c : f.because)
    out += "  " + c.statement + "  " + style.dim(where(c.location)) + "\n";
  if ((f.verdict == Verdict::fails || f.verdict == Verdict::passes) && f.because.empty() && !f.provision)
    out += "  " + f.note + "\n";
  if (f.witness && !f.witness->empty()) {
    out += "\nwitness (a scenario in which it fails):\n";
    for (const auto& p : f.witness->persons) {
      out += "  person " + p.name + ":";
      for (const auto& a : p.attributes)
        out += " " + a.name + " = " + a.value + ";";
      out += "\n";
    }
    for (const auto& v : f.witness->facts)
      out += "  " + v.name + " = " + v.value + "\n";
  }
  if (!f.test->citations.empty()) {
    out += "\ncitations:\n";
    for (const auto& c : f.test->citations)
      out += "  " + c + "\n";
  }
  if (f.sources && !f.sources->empty())
    out += "\nsources:    " + sources_text(*f.sources) + "\n";
  if (!f.test->explanation.empty())
    out += "\nexplanation:    " + f.test->explanation + "\n";
  if (!f.test->recommendation.empty())
    out += "recommendation: " + f.test->recommendation + "\n";
  return out;
}

} // namespace siracusa::report
