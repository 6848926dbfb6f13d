#include "law.hpp"
#include "progress.hpp"

#include "diag/suggest.hpp"
#include "model/print.hpp"
#include "model/types.hpp"
#include "model/units.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <iostream>

namespace siracusa::cli {

namespace fs = std::filesystem;

namespace {

// The amendments of the files named by --amend, in the order named, then as declared.
bool drafts_of(const model::Model& base, const std::vector<std::string>& files, std::vector<int>& drafts) {
  for (const auto& file : files) {
    std::error_code ec;
    fs::path wanted = fs::weakly_canonical(file, ec);
    bool any = false;
    for (std::size_t a = 0; a < base.amendments.size(); ++a) {
      const auto& span = base.amendments[a].span;
      if (!span.valid() || fs::weakly_canonical(span.file->path(), ec) != wanted)
        continue;
      any = true;
      if (std::find(drafts.begin(), drafts.end(), static_cast<int>(a)) == drafts.end())
        drafts.push_back(static_cast<int>(a));
    }
    if (!any) {
      print_error("E0017", "`--amend " + file + "` holds no amendment", {"name a file with `amendment` blocks"}, {});
      return false;
    }
  }
  return true;
}

// A value of siracusa.toml's [parameters] in the parameter's own type, a quantity converted
// exactly to the parameter's unit (`"120 hours"` for a parameter in days is 5 days);
// otherwise nullopt, and `why` says why when a conversion failed.
std::optional<std::int64_t> parameter_value(const model::Type& type, const std::string& text, std::string& why) {
  if (type.kind == model::Type::Kind::boolean) {
    if (text == "yes" || text == "true")
      return 1;
    if (text == "no" || text == "false")
      return 0;
    return std::nullopt;
  }
  if (type.kind == model::Type::Kind::date)
    return amend::parse_day(text);
  if (type.kind != model::Type::Kind::integer)
    return std::nullopt;
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
    ++digits;
  if (digits == 0 || digits > 12)
    return std::nullopt;
  std::string word = text.substr(digits);
  word.erase(0, word.find_first_not_of(' '));
  std::int64_t number = std::stoll(text.substr(0, digits));
  model::Unit unit = model::Unit::none;
  if (!word.empty()) {
    auto named = model::unit_from_word(word);
    if (!named)
      return std::nullopt;
    unit = *named;
  }
  if (unit == type.unit)
    return number;
  if (unit == model::Unit::none || type.unit == model::Unit::none)
    return std::nullopt;
  constexpr std::int64_t limit = 1'000'000'000'000LL; // as in rule files
  auto conversion = model::convert(number, unit, type.unit, limit);
  if (!conversion.ok()) {
    why = model::conversion_problem(conversion, number, unit, type.unit, limit);
    return std::nullopt;
  }
  return conversion.value;
}

// siracusa.toml's values for the rule base's parameters (E0020 for a name the rule base
// does not declare, or a value of another type).
bool set_parameters(model::Model& model, const ProjectConfig& config, const GlobalOptions& global) {
  Diagnostics diagnostics;
  for (const auto& setting : config.parameters) {
    int index = model.find_parameter(setting.name);
    if (index < 0) {
      auto& d = diagnostics.error("E0020", setting.name_span, "the rule base has no parameter `" + setting.name + "`");
      std::vector<std::string> names;
      for (const auto& p : model.parameters)
        names.push_back(p.id);
      if (auto near = closest(setting.name, names))
        d.notes.push_back({{}, "did you mean `" + *near + "`?"});
      else if (names.empty())
        d.notes.push_back({{}, "the rule base declares no parameter"});
      else {
        std::string list;
        for (const auto& name : names)
          list += (list.empty() ? "`" : ", `") + name + "`";
        d.notes.push_back({{}, "the rule base's parameters are " + list});
      }
      continue;
    }
    auto& parameter = model.parameters[static_cast<std::size_t>(index)];
    if (!parameter.value)
      continue;
    std::string why;
    auto value = parameter_value(parameter.value->type, setting.value, why);
    if (!value) {
      auto& d = diagnostics.error("E0020", setting.span,
                                  "`" + setting.value + "` is not a value of parameter `" + setting.name +
                                      "`, which is " + model::describe(parameter.value->type) + " (now `" +
                                      model::to_text(*parameter.value, model) + "`)");
      if (!why.empty())
        d.notes.push_back(
            {{}, why + "; write the value as a whole number of " + model::describe(parameter.value->type)});
      continue;
    }
    auto replaced = std::make_shared<model::Expr>(*parameter.value);
    replaced->number = *value;
    parameter.value = replaced;
    // As the user would name it from here, so that the report does not carry the
    // machine's folder layout.
    std::error_code error;
    auto relative = std::filesystem::relative(config.file, error);
    parameter.set_by = error || relative.empty() ? config.file.string() : relative.string();
  }
  if (diagnostics.size() > 0)
    print_diagnostics(diagnostics, global);
  return !diagnostics.has_errors();
}

} // namespace

bool law_of(const Loaded& loaded, const LawOptions& law, const GlobalOptions& global, model::Model& out,
            amend::Outcome& outcome) {
  amend::Request request;
  std::string day = !law.as_of.empty() ? law.as_of : loaded.config.as_of.value_or("");
  if (!day.empty()) {
    request.as_of = amend::parse_day(day);
    if (!request.as_of) {
      print_error("E0009", "`--as-of` takes a day, and `" + day + "` is not a date (YYYY-MM-DD)", {}, global);
      return false;
    }
  }
  if (!drafts_of(loaded.base, law.amend, request.drafts))
    return false;
  Diagnostics diagnostics;
  out = amend::law_as_of(loaded.base, request, outcome, diagnostics);
  if (diagnostics.size() > 0)
    print_diagnostics(diagnostics, global);
  return !diagnostics.has_errors();
}

bool load(const std::vector<std::string>& paths, const LawOptions& law, const GlobalOptions& global, Loaded& loaded,
          ProgressLine* progress) {
  if (!resolve_inputs(paths, global, loaded.inputs, loaded.config))
    return false;
  // A draft named by --amend is read with the corpus if it is not part of it already.
  for (const auto& file : law.amend)
    loaded.inputs.paths.push_back(file);
  auto started = std::chrono::steady_clock::now();
  Diagnostics diagnostics;
  loaded.base = load_with_rule_base(
      loaded.inputs, diagnostics, loaded.rule_base,
      progress ? std::function<void(std::size_t)>([progress](std::size_t files) { progress->parsed(files); })
               : std::function<void(std::size_t)>());
  spdlog::debug(
      "parse and resolve: {} files in {} ms", loaded.base.files.size(),
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
  if (diagnostics.has_errors()) {
    if (progress)
      progress->finish();
    print_diagnostics(diagnostics, global);
    return false;
  }
  if (!set_parameters(loaded.base, loaded.config, global))
    return false;
  if (loaded.base.tests.empty()) {
    if (progress)
      progress->finish();
    print_error("E0015", "the paths hold no test, and the bundled rule base could not be loaded with them",
                {"give the rule files too, e.g. `siracusa check rules laws`"}, global);
    return false;
  }
  return law_of(loaded, law, global, loaded.law, loaded.outcome);
}

std::string time_note(const model::Model& base, const amend::Outcome& outcome) {
  std::string out = outcome.as_of ? "as of " + model::civil_from_days(*outcome.as_of) +
                                        (outcome.as_of_given ? "" : " (the latest date the corpus gives)")
                                  : std::string("no dates in the corpus: everything it holds is read as in force");
  auto names = [&](const std::vector<int>& list) {
    std::string s;
    for (std::size_t i = 0; i < list.size(); ++i)
      s += (i > 0 ? ", " : "") + base.amendments[static_cast<std::size_t>(list[i])].id;
    return s;
  };
  if (!outcome.applied.empty())
    out += "; amendments applied: " + names(outcome.applied);
  if (!outcome.drafts_not_applied.empty())
    out += "; " + std::to_string(outcome.drafts_not_applied.size()) + " draft amendment" +
           (outcome.drafts_not_applied.size() == 1 ? "" : "s") + " loaded and not applied (--amend FILE applies one)";
  if (!outcome.pending.empty())
    out += "; not yet in effect: " + names(outcome.pending);
  if (outcome.out_of_force > 0)
    out += "; " + std::to_string(outcome.out_of_force) + " provision" + (outcome.out_of_force == 1 ? "" : "s") +
           " not in force";
  return out;
}

check::Options decision_options(const ProjectConfig& config, std::optional<unsigned> timeout_ms,
                                std::optional<unsigned> rlimit, std::optional<unsigned> jobs) {
  constexpr unsigned default_timeout_ms = 2000;
  check::Options options;
  options.solver.timeout_ms = timeout_ms.value_or(config.timeout_ms.value_or(default_timeout_ms));
  options.solver.rlimit = rlimit.value_or(config.rlimit.value_or(0));
  options.jobs = jobs.value_or(config.jobs.value_or(0));
  return options;
}

std::optional<check::Result> run_checks(const model::Model& law, const check::Options& options,
                                        const GlobalOptions& global) {
  Diagnostics diagnostics;
  check::Result result = check::run(law, options, diagnostics);
  if (diagnostics.size() > 0)
    print_diagnostics(diagnostics, global);
  if (diagnostics.has_errors())
    return std::nullopt;
  return result;
}

} // namespace siracusa::cli
