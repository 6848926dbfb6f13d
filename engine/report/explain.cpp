// `explain`: one finding in full — the test with its strength and exceptions, the facts
// the provision states, why the verdict follows, on what basis, and the authorities.
#include "model/print.hpp"
#include "report/report.hpp"
#include "report/style.hpp"
#include "report/words.hpp"

namespace siracusa::report {

using check::Finding;
using check::Verdict;

std::string render_explain(const Finding& f, const model::Model& model, bool color) {
  Style style{color};
  std::string out;
  out += style.bold("Finding " + f.id) + "\n\n";
  out += "verdict:    " + style.verdict(f.verdict) + "\n";
  out += "strength:   " + strength_words(f.strength) +
         (f.good_practice ? " (recommended good practice, not a Covenant obligation)" : "") + "\n";
  if (f.provision) {
    const auto& p = *f.provision;
    out += "provision:  " + p.id + (p.title.empty() ? "" : " — " + p.title) + "  " +
           style.dim(location_text(p.location)) + "\n";
    out += "law:        " + p.law + " — " + p.law_title + " (" + levelled(p.law_level, f.jurisdiction) + ")\n";
    if (p.level != p.law_level)
      out += "level:      " + p.level + " (the provision's own, within its law)\n";
  } else {
    out += "provision:  none (a duty of " + f.jurisdiction + ")\n";
  }
  int right_index = f.right.empty() ? -1 : model.find_right(f.right);
  std::string right_title =
      right_index < 0 ? std::string() : " — " + model.rights[static_cast<std::size_t>(right_index)].title;
  out += "right:      " + (f.right.empty() ? std::string("-") : f.right + right_title + " (art. " + f.article + ")") +
         "\n";
  out += "test:       " + f.test->id + " — " + f.test->title + " [" + model::criterion_name(f.test->criterion) + "]  " +
         style.dim(location_text(f.test->location)) + "\n";
  if (!f.test->condition.empty())
    out += "fails when: " + f.test->condition + "\n";
  for (const auto& e : f.test->exceptions)
    out += "unless:     " + e + "\n";
  int test_index = model.find_test(f.test->id);
  // The accepted distinctions the test took into account for this right: a pair that
  // differs only in one of their grounds does not count where the condition holds.
  if (test_index >= 0) {
    int right = f.right.empty() ? -1 : model.find_right(f.right);
    for (int di : model.tests[static_cast<std::size_t>(test_index)].distinctions) {
      const auto& d = model.distinctions[static_cast<std::size_t>(di)];
      if (right < 0 || !d.covers(right))
        continue;
      std::string grounds;
      for (int g : d.grounds)
        grounds += (grounds.empty() ? "" : ", ") + model.attributes[static_cast<std::size_t>(g)].name;
      out += "accepted:   " + d.id + " — a difference in " + grounds + ", " +
             (d.when ? "where " + model::to_text(*d.when, model) : std::string("always")) + "  " +
             style.dim(location_text(check::location_of(d.span))) + "\n";
      std::string cites;
      for (const auto& c : d.citations)
        cites += (cites.empty() ? "" : "; ") + c.display();
      if (!cites.empty())
        out += "            (" + cites + ")\n";
    }
  }
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
               model::to_text(stated.value, model) + "  [" + model::basis_name(stated.basis) +
               (stated.inherited ? ", stated for the whole law" : "") + "]  " + style.dim(location_text(l)) + "\n";
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
    out += "it fails under some readings of what the law leaves open; it rests on:\n";
    break;
  case Verdict::undetermined:
    out += "the solver stopped before deciding: " + note_text(f) + "\n";
    break;
  case Verdict::not_applicable:
    out += "not applicable: the provision states nothing on the subject of this test.\n";
    break;
  case Verdict::unassessed:
    out += "not assessed yet: " + question(f) + ".\n";
    break;
  }
  for (const auto& c : f.because)
    out +=
        "  " + c.statement + "  [" + model::basis_name(c.basis) + "]  " + style.dim(location_text(c.location)) + "\n";
  if (f.basis)
    out += "\nrests on:   " + basis_words(f, model) + "\n";
  if (f.note_kind == check::NoteKind::partial_implementation)
    out += "note:       " + note_text(f) + "\n";
  if (f.witness && !f.witness->empty())
    out += "\nwitness:    " + witness_sentence(*f.witness) + "\n";
  if (f.verdict == Verdict::not_applicable || f.verdict == Verdict::unassessed)
    return out; // nothing was found, so nothing to cite or recommend
  auto citations = test_citations(*f.test, model);
  if (!citations.empty()) {
    out += "\ncitations:\n";
    for (const auto& c : citations)
      out += "  " + c + "\n";
  }
  if (!f.sources.empty())
    out += "\nsources:    " + sources_text(f.sources, model) + "\n";
  if (!f.test->explanation.empty())
    out += "\nexplanation:    " + f.test->explanation + "\n";
  if (f.strength == model::Strength::presumptive && !f.test->justification.empty())
    out += "to justify it, the State would have to show: " + f.test->justification + "\n";
  if (f.verdict != Verdict::passes && !f.test->recommendation.empty())
    out += "recommendation: " + f.test->recommendation + "\n";
  return out;
}

} // namespace siracusa::report
