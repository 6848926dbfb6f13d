// Progress on stderr: on a terminal only, never under -q or -v, erased before the report,
// and nothing at all when stderr is not a terminal. SIRACUSA_PROGRESS_DELAY_MS=0 shows the
// line at once (by default only runs longer than about a second show it).
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace siracusa::testing;

namespace {

// The bundled corpus: several files and provisions.
const std::string corpus = "'" + source_dir() + "/rules' '" + source_dir() + "/laws'";

// Runs the binary with stdout and stderr on a pseudo-terminal (`script`); returns what the
// terminal received.
Run on_terminal(const TempDir& dir, const std::string& environment, const std::string& arguments) {
  std::string inner = environment + " timeout 60 " + binary() + " " + arguments;
  return run_command("cd '" + dir.path().string() + "' && timeout 90 script -qec \"" + inner + "\" /dev/null");
}

} // namespace

TEST_CASE("check prints no progress when stderr is not a terminal", "[cli][progress]") {
  TempDir dir;
  Run shown = run_in(dir.path(), "check --format json " + corpus, "SIRACUSA_PROGRESS_DELAY_MS=0");
  CHECK(shown.status == 1);
  CHECK(shown.err.empty());
  // Nor does it change the report.
  Run plain = run_in(dir.path(), "check --format json " + corpus);
  CHECK(shown.out == plain.out);
}

TEST_CASE("check shows progress on a terminal, and not under -q or -v", "[cli][progress]") {
  if (run_command("command -v script").status != 0) {
    WARN("`script` is not installed; progress on a terminal is not tested");
    return;
  }
  TempDir dir;
  // The control: on a terminal with no delay, the line appears, then is erased.
  Run shown =
      on_terminal(dir, "NO_COLOR=1 SIRACUSA_PROGRESS_DELAY_MS=0", "check -o report.json --format json " + corpus);
  CHECK(shown.out.find("siracusa: checking: ") != std::string::npos);
  CHECK(shown.out.find(" provisions, ") != std::string::npos);
  CHECK(shown.out.size() >= 4);
  CHECK(shown.out.substr(shown.out.size() - 4) == "\r\x1b[K");
  // The report is the same as without a terminal.
  Run plain = run_in(dir.path(), "check --format json " + corpus);
  CHECK(read_file(dir.path() / "report.json") == plain.out);

  for (const char* flag : {"-q", "--quiet", "-v"}) {
    DYNAMIC_SECTION(flag) {
      Run quiet = on_terminal(dir, "NO_COLOR=1 SIRACUSA_PROGRESS_DELAY_MS=0",
                              std::string(flag) + " check -o quiet.json " + corpus);
      CHECK(quiet.out.find("siracusa: checking") == std::string::npos);
      CHECK(quiet.out.find("siracusa: parsing") == std::string::npos);
    }
  }
  // A short run stays quiet with the default delay.
  TempDir small;
  small.write("empty.sir", "");
  Run fast = on_terminal(small, "NO_COLOR=1", "check empty.sir");
  CHECK(fast.out.find("siracusa: checking") == std::string::npos);
}
