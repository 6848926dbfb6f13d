#include "harness.hpp"

#include "check/check.hpp"
#include "model/print.hpp"
#include "model/resolve.hpp"
#include "solve/solver.hpp"
#include "syntax/format.hpp"
#include "syntax/parser.hpp"

#include <exception>
#include <memory>
#include <sstream>

namespace siracusa::fuzz {

namespace {

struct Linted {
  syntax::ParsedFilePtr parsed; // owned by `files` once resolved
  model::FileSet files;
  model::Model model;
  Diagnostics diagnostics;
};

// What `lint` does to one file, without the disk: no import is followed.
std::unique_ptr<Linted> lint_text(std::string_view text) {
  auto out = std::make_unique<Linted>();
  auto source = std::make_shared<SourceFile>("fuzz.sir", std::string(text));
  model::LoadedFile file;
  file.display = "fuzz.sir";
  file.canonical = "/fuzz/fuzz.sir";
  file.parsed = syntax::parse(source, out->diagnostics);
  file.visible = {true};
  out->files.files.push_back(std::move(file));
  if (!out->diagnostics.has_errors())
    out->model = model::resolve(out->files, out->diagnostics);
  out->diagnostics.sort();
  return out;
}

Outcome broken(std::string problem) {
  return Outcome{false, std::move(problem)};
}

bool well_formed_id(const std::string& id) {
  if (id.size() != 5 || (id[0] != 'E' && id[0] != 'W'))
    return false;
  for (std::size_t i = 1; i < id.size(); ++i)
    if (id[i] < '0' || id[i] > '9')
      return false;
  return true;
}

Outcome check_diagnostics(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.all()) {
    if (!well_formed_id(d.id))
      return broken("diagnostic with a malformed id `" + d.id + "`: " + d.message);
    if (d.span.file && (d.span.begin > d.span.end || d.span.end > d.span.file->text().size()))
      return broken("diagnostic " + d.id + " located outside its file: " + d.message);
    if (d.message.empty())
      return broken("diagnostic " + d.id + " without a message");
  }
  render_all(diagnostics, RenderOptions{});
  return {};
}

std::string ids_of(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.all())
    out += d.id + " ";
  return out;
}

// Everything the model says, without locations, so that two readings of the same rules
// in different layouts compare equal.
std::string dump(const model::Model& m) {
  std::ostringstream out;
  for (const auto& e : *m.enums) {
    out << "enum " << e.name << ":";
    for (const auto& member : e.members)
      out << " " << member;
    out << " / " << e.doc << "\n";
  }
  for (const auto& a : m.attributes)
    out << "attribute " << a.name << " " << model::describe(a.type) << " " << a.is_protected << " " << a.doc << "\n";
  for (const auto& f : m.facts)
    out << "fact " << f.name << " " << model::describe(f.type) << " " << f.doc << "\n";
  auto dates = [](const model::Dates& d) {
    std::string text;
    for (const auto* date : {&d.adopted, &d.effective, &d.repealed, &d.expires})
      text += " " + (*date ? (*date)->text : std::string("-"));
    return text;
  };
  auto stated_fact = [&](const model::StatedFact& f) {
    std::string text = " | " + std::to_string(f.fact) + ": " + model::to_text(f.value, m) + " " +
                       model::basis_name(f.basis) + (f.inherited ? " inherited" : "");
    for (const auto& s : f.sources)
      text += " [" + s.display() + "]";
    return text;
  };
  for (const auto& d : m.duties) {
    out << "duty " << d.id << " " << d.doc << " " << d.good_practice;
    for (int r : d.rights)
      out << " " << r;
    out << "\n";
  }
  for (const auto& a : m.acts)
    out << "act " << a.id << " " << a.doc << "\n";
  for (const auto& d : m.documents)
    out << "document " << d.id << " " << d.title << " " << d.url << "\n";
  for (const auto& r : m.rights) {
    out << "right " << r.id << " " << r.article << " " << r.title << " " << r.derogable << r.absolute;
    for (const auto& l : r.limitation)
      out << " " << l;
    for (int a : r.aims)
      out << " " << a;
    for (const auto& c : r.citations)
      out << " [" << c.display() << "]";
    out << "\n";
  }
  for (const auto& t : m.tests) {
    out << "test " << t.id << " " << t.title << " " << model::criterion_name(t.criterion) << " " << t.all_rights;
    for (int r : t.rights)
      out << " " << r;
    out << " duty " << t.duty << " when " << (t.condition ? model::to_text(*t.condition, m) : "-");
    for (const auto& e : t.exceptions)
      out << " unless " << model::to_text(*e, m);
    out << " about";
    for (int f : t.about)
      out << " " << f;
    out << " " << model::strength_name(t.strength) << " " << t.justification;
    for (const auto& c : t.citations)
      out << " [" << c.display() << "]";
    out << " " << t.explanation << " / " << t.recommendation << "\n";
  }
  for (const auto& j : m.jurisdictions) {
    out << "jurisdiction " << j.id << " " << j.title << " " << j.original_title;
    for (const auto& a : j.reported_absent)
      out << " absent " << a.duty << " " << a.source.display();
    out << "\n";
  }
  auto provision = [&](const model::Provision& p) {
    out << "provision " << p.id << " " << p.title << " " << p.article << dates(p.dates) << " "
        << model::basis_name(p.basis);
    for (int r : p.restricts)
      out << " r" << r;
    for (int d : p.implements)
      out << " i" << d;
    for (const auto& d : p.partially_implements)
      out << " pi" << d.duty << " " << d.note;
    for (const auto& d : p.deontics)
      out << " " << model::modality_name(d.modality) << " " << d.act << " "
          << (d.who ? model::to_text(*d.who, m) : "-");
    for (const auto& f : p.facts)
      out << stated_fact(f);
    for (const auto& s : p.sources)
      out << " [" << s.display() << "]";
    out << "\n";
  };
  for (const auto& l : m.laws) {
    out << "law " << l.id << " " << l.title << " " << l.original_title << " " << l.jurisdiction << " "
        << m.level_name(l) << dates(l.dates);
    for (const auto& f : l.facts)
      out << stated_fact(f);
    for (const auto& s : l.sources)
      out << " [" << s.display() << "]";
    out << "\n";
    for (int p : l.provisions)
      provision(m.provisions[static_cast<std::size_t>(p)]);
  }
  for (const auto& a : m.amendments) {
    out << "amendment " << a.id << " " << a.title << dates(a.dates) << "\n";
    for (const auto& c : a.changes) {
      out << "  change " << static_cast<int>(c.kind) << " " << c.target << " " << c.fact << " "
          << model::to_text(c.value, m);
      for (int n : c.names)
        out << " " << n;
      out << "\n";
      if (c.added)
        provision(*c.added);
    }
  }
  for (const auto& e : m.expectations) {
    out << "expect " << e.negated << " " << e.verdict << " " << (e.strength ? model::strength_name(*e.strength) : "-")
        << " " << e.target_id;
    for (int r : e.rights)
      out << " r" << r;
    for (auto c : e.criteria)
      out << " " << model::criterion_name(c);
    for (int t : e.tests)
      out << " t" << t;
    out << "\n";
  }
  return out.str();
}

template <typename Body>
Outcome guarded(Body body) {
  try {
    return body();
  } catch (const std::exception& e) {
    return broken(std::string("exception escaped: ") + e.what());
  }
}

} // namespace

Outcome lint(std::string_view text) {
  return guarded([&] {
    auto linted = lint_text(text);
    return check_diagnostics(linted->diagnostics);
  });
}

Outcome format_round_trip(std::string_view text) {
  return guarded([&]() -> Outcome {
    auto first = lint_text(text);
    if (first->diagnostics.has_errors())
      return {};
    std::string formatted = syntax::format(*first->files.files.front().parsed);
    auto second = lint_text(formatted);
    if (second->diagnostics.has_errors())
      return broken("the formatted text does not lint clean: " + ids_of(second->diagnostics) + "\n" +
                    render_all(second->diagnostics, RenderOptions{}) + "--- formatted:\n" + formatted);
    if (ids_of(first->diagnostics) != ids_of(second->diagnostics))
      return broken("formatting changed the warnings: " + ids_of(first->diagnostics) + "became " +
                    ids_of(second->diagnostics));
    std::string again = syntax::format(*second->files.files.front().parsed);
    if (again != formatted)
      return broken("formatting is not idempotent:\n--- once:\n" + formatted + "--- twice:\n" + again);
    std::string before = dump(first->model);
    std::string after = dump(second->model);
    if (before != after)
      return broken("formatting changed the model:\n--- before:\n" + before + "--- after:\n" + after);
    return {};
  });
}

namespace {

// The fact names a finding rests on, in order.
std::vector<std::string> core_names(const check::Finding& f) {
  std::vector<std::string> names;
  for (const auto& c : f.because)
    names.push_back(c.fact);
  return names;
}

std::string witness_text(const std::optional<check::Witness>& w) {
  if (!w)
    return "none";
  std::string out;
  for (const auto& v : w->facts)
    out += v.name + "=" + v.value + " ";
  for (const auto& p : w->persons) {
    out += p.name + "{";
    for (const auto& v : p.attributes)
      out += v.name + "=" + v.value + " ";
    out += "} ";
  }
  return out;
}

// A core is sound when its facts alone force the verdict: the provision stripped of every
// other fact (and, unless the core names it, at every level of law) gets the same verdict
// from Z3.
Outcome core_forces(const model::Model& m, const check::Finding& f) {
  int provision = m.find_provision(f.provision->id);
  int test = m.find_test(f.test->id);
  int right = m.find_right(f.right);
  if (provision < 0 || test < 0 || right < 0)
    return broken(f.id + ": cannot find its provision, test or right");
  model::Model stripped = m;
  model::Provision& p = stripped.provisions[static_cast<std::size_t>(provision)];
  bool level_kept = false;
  std::vector<model::StatedFact> kept;
  for (const auto& cause : f.because) {
    if (cause.fact == "law.level")
      level_kept = true;
    int fact = m.find_fact(cause.fact);
    if (const model::StatedFact* stated = fact >= 0 ? p.find(fact) : nullptr)
      kept.push_back(*stated);
  }
  p.facts = kept;
  model::Law& law = stripped.laws[static_cast<std::size_t>(p.law)];
  std::vector<int> levels{law.level};
  bool reads_level = f.test->condition.find("law.level") != std::string::npos;
  for (const auto& exception : f.test->exceptions)
    reads_level = reads_level || exception.find("law.level") != std::string::npos;
  // Without the level in the core, the verdict must hold at every level the rules declare.
  if (!level_kept && reads_level && m.level) {
    levels.clear();
    for (std::size_t i = 0; i < m.level->members.size(); ++i)
      levels.push_back(static_cast<int>(i));
  }
  solve::SolverOptions options;
  options.timeout_ms = 2000;
  for (auto level : levels) {
    law.level = level;
    solve::Engine engine(stripped, options);
    engine.begin(p);
    auto decision =
        engine.decide(stripped.tests[static_cast<std::size_t>(test)], stripped.rights[static_cast<std::size_t>(right)]);
    engine.end();
    if (decision.verdict != check::Verdict::undetermined && decision.verdict != f.verdict)
      return broken(f.id + ": its core does not force `" + solve::verdict_name(f.verdict) +
                    "`: with only those facts (level " + stripped.level_name(law) + ") Z3 says " +
                    solve::verdict_name(decision.verdict));
  }
  return {};
}

} // namespace

Outcome routes_agree(std::string_view text) {
  return guarded([&]() -> Outcome {
    auto linted = lint_text(text);
    if (linted->diagnostics.has_errors())
      return {};
    const model::Model& m = linted->model;
    // Small inputs only: the point is many of them, each decided quickly.
    if (m.provisions.size() * std::max<std::size_t>(1, m.tests.size()) > 64)
      return {};
    check::Options fast;
    fast.jobs = 1;
    fast.solver.timeout_ms = 1000;
    fast.solver.rlimit = 2'000'000;
    check::Options audit = fast;
    audit.all_z3 = true;
    Diagnostics fast_diagnostics;
    Diagnostics audit_diagnostics;
    auto by_fast = check::run(m, fast, fast_diagnostics);
    auto by_z3 = check::run(m, audit, audit_diagnostics);
    // lint's checks of the rule set: the evaluator settles the consistency of the
    // provisions it represents, Z3 every one under all_z3; the diagnostics are the same.
    auto lint_words = [&](const check::Options& options) {
      Diagnostics diagnostics;
      check::rule_set_checks(m, options, diagnostics);
      std::string out;
      for (const auto& d : diagnostics.all()) {
        out += d.id + "@" + std::to_string(d.span.begin) + " " + d.message + "\n";
        for (const auto& note : d.notes)
          out += "  " + std::to_string(note.span.begin) + " " + note.message + "\n";
      }
      return out;
    };
    if (std::string a = lint_words(fast), b = lint_words(audit); a != b)
      return broken("lint differs between the routes:\n" + a + "and with all_z3:\n" + b);
    Outcome outcome;
    if (by_fast.findings.size() != by_z3.findings.size())
      return broken("the routes give different numbers of findings: " + std::to_string(by_fast.findings.size()) +
                    " and " + std::to_string(by_z3.findings.size()));
    for (std::size_t i = 0; i < by_fast.findings.size(); ++i) {
      const auto& f = by_fast.findings[i];
      const auto& z = by_z3.findings[i];
      if (f.id != z.id)
        return broken("the routes give different findings: " + f.id + " and " + z.id);
      if (f.verdict == check::Verdict::undetermined || z.verdict == check::Verdict::undetermined)
        continue;
      ++outcome.decisions;
      if (f.route == check::Route::fast)
        ++outcome.fast;
      std::string which = f.id + " (" + check::route_name(f.route) + "): ";
      if (f.verdict != z.verdict)
        return broken(which + "default route says " + solve::verdict_name(f.verdict) + ", --all-z3 says " +
                      solve::verdict_name(z.verdict));
      if (core_names(f) != core_names(z)) {
        std::string a, b;
        for (const auto& n : core_names(f))
          a += n + " ";
        for (const auto& n : core_names(z))
          b += n + " ";
        return broken(which + "the default route's core is [" + a + "], --all-z3's [" + b + "]");
      }
      if (f.missing != z.missing)
        return broken(which + "the routes ask for different facts");
      if (f.witness != z.witness)
        return broken(which + "the default route's witness is " + witness_text(f.witness) + ", --all-z3's " +
                      witness_text(z.witness));
      if (f.note != z.note || f.note_kind != z.note_kind || f.unestablished != z.unestablished)
        return broken(which + "the routes give different notes: `" + f.note + "` and `" + z.note + "`");
      if (f.provision && !f.conflict && f.note_kind != check::NoteKind::exception_not_established &&
          (f.verdict == check::Verdict::fails || f.verdict == check::Verdict::passes)) {
        Outcome sound = core_forces(m, f);
        if (!sound.ok)
          return sound;
      }
    }
    return outcome;
  });
}

Property property(std::string_view target) {
  if (target == "lint")
    return &lint;
  if (target == "format")
    return &format_round_trip;
  if (target == "check")
    return &routes_agree;
  return nullptr;
}

} // namespace siracusa::fuzz
