// Where `check -o` may write: a regular file is replaced whole (a temporary, then a
// rename); a device, a FIFO, `-` and /dev/stdout are written straight through, never
// replaced by a regular file; a symlink is followed to its target. Where it cannot
// write, status 2 with the reason and nothing left behind. Devices and FIFOs are private
// ones made in a temporary folder (the tests run as root in CI; mknod needs it).
#include "support.hpp"

#include <catch2/catch.hpp>

#include <optional>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace siracusa::testing;
namespace fs = std::filesystem;

namespace {

const char* const rules = R"(document doc {
  title: "A source"
  paragraphs: 1..10
}
enum legal_order for level { constitution, constitutional_law, code, law, bylaw } enum regime_kind { none, notification, authorisation }
fact regime: regime_kind "How."
right art21 {
  article: 21
  title: "Assembly"
}
jurisdiction xx {
  title: "X"
}
test t {
  applies to: art21
  criterion: necessity
  fails when: regime == authorisation
  cites: covenant art 21
  explanation: "e"
  recommendation: "r"
  strength: per_se
}
law l {
  title: "L"
  jurisdiction: xx
  level: law
  provision p {
    restricts: art21
    regime: authorisation
    source: doc para 1
  }
}
)";

std::string quote(const std::string& s) {
  return "'" + s + "'";
}

Run check_to(const fs::path& folder, const std::string& output, const std::string& prefix = "",
             const std::string& program = binary()) {
  return run_command("cd " + quote(folder.string()) + " && " + prefix + "timeout 60 " + program +
                     " check --format json -o " + quote(output) + " rules.sir");
}

mode_t kind_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::lstat(path.c_str(), &info) == 0);
  return info.st_mode & S_IFMT;
}

std::vector<std::string> listing(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

} // namespace

TEST_CASE("check -o to a character device writes through and keeps the device", "[cli][output]") {
  if (::geteuid() != 0)
    WARN("not root: mknod is not permitted, so this case is checked only in CI");
  TempDir dir;
  dir.write("rules.sir", rules);
  auto null = dir.path() / "null";
  if (::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
    return;
  Run run = check_to(dir.path(), "null");
  CHECK(run.status == 1); // the provision fails
  INFO(run.err);
  CHECK(kind_of(null) == S_IFCHR);
  CHECK(listing(dir.path()) == std::vector<std::string>{"null", "rules.sir"});
}

TEST_CASE("check -o to a FIFO writes through to its reader and keeps the FIFO", "[cli][output]") {
  TempDir dir;
  dir.write("rules.sir", rules);
  auto fifo = dir.path() / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // A reader in the background; the writer blocks until it opens the FIFO.
  Run run = run_command("cd " + quote(dir.path().string()) + " && (timeout 60 cat fifo > got &) && timeout 60 " +
                        binary() + " check --format json -o fifo rules.sir; status=$?; wait; exit $status");
  CHECK(run.status == 1);
  CHECK(kind_of(fifo) == S_IFIFO);
  // `cat` may still be flushing: wait for it a little.
  for (int i = 0; i < 50 && read_file(dir.path() / "got").find("\"findings\"") == std::string::npos; ++i)
    ::usleep(100'000);
  CHECK(read_file(dir.path() / "got").find("\"findings\"") != std::string::npos);
}

TEST_CASE("check -o - and -o /dev/stdout write to standard output", "[cli][output]") {
  TempDir dir;
  dir.write("rules.sir", rules);
  Run dash = check_to(dir.path(), "-");
  CHECK(dash.status == 1);
  CHECK(dash.out.find("\"findings\"") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "-"));
  // Standard output a pipe, as in `siracusa check -o /dev/stdout | less`.
  Run piped = run_command("cd " + quote(dir.path().string()) + " && timeout 60 " + binary() +
                          " check --format json -o /dev/stdout rules.sir | cat");
  CHECK(piped.out.find("\"findings\"") != std::string::npos);
  // Standard output a file (run_command redirects it to one).
  Run to_file = check_to(dir.path(), "/dev/stdout");
  CHECK(to_file.status == 1);
  CHECK(to_file.out.find("\"findings\"") != std::string::npos);
  CHECK(listing(dir.path()) == std::vector<std::string>{"rules.sir"});
}

TEST_CASE("check -o through a symlink writes the file it names and keeps the link", "[cli][output]") {
  TempDir dir;
  dir.write("rules.sir", rules);
  fs::create_directories(dir.path() / "reports");
  dir.write("reports/real.json", "old");
  fs::create_symlink("reports/real.json", dir.path() / "link.json");
  Run run = check_to(dir.path(), "link.json");
  CHECK(run.status == 1);
  CHECK(kind_of(dir.path() / "link.json") == S_IFLNK);
  CHECK(read_file(dir.path() / "reports" / "real.json").find("\"findings\"") != std::string::npos);
  CHECK(listing(dir.path() / "reports") == std::vector<std::string>{"real.json"});
  // A link to a file still to be made: the file is made, the link stays.
  fs::create_symlink("reports/new.json", dir.path() / "dangling.json");
  run = check_to(dir.path(), "dangling.json");
  CHECK(run.status == 1);
  CHECK(kind_of(dir.path() / "dangling.json") == S_IFLNK);
  CHECK(read_file(dir.path() / "reports" / "new.json").find("\"findings\"") != std::string::npos);
}

TEST_CASE("check -o where nothing can be written: status 2, the reason, nothing left", "[cli][output]") {
  TempDir dir;
  dir.write("rules.sir", rules);
  fs::create_directories(dir.path() / "folder");
  Run folder = check_to(dir.path(), "folder");
  CHECK(folder.status == 2);
  CHECK(folder.err.find("error[E0010]: cannot write `folder`: is a folder") != std::string::npos);

  Run missing = check_to(dir.path(), "no/such/report.json");
  CHECK(missing.status == 2);
  CHECK(missing.err.find("error[E0010]: cannot write `no/such/report.json`: no such folder `no/such`") !=
        std::string::npos);

  Run proc = check_to(dir.path(), "/proc/siracusa-report.json");
  CHECK(proc.status == 2);
  CHECK(proc.err.find("error[E0010]: cannot write `/proc/siracusa-report.json`") != std::string::npos);

  // A read-only folder; root may write anywhere, so the run drops to nobody.
  fs::create_directories(dir.path() / "readonly");
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  fs::permissions(dir.path() / "rules.sir", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(dir.path() / "readonly", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                               fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  std::string as_user = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  // The build folder may sit where nobody cannot reach (a clone under /root): then a
  // copy of the binary in a folder anyone can enter.
  std::string program = binary();
  std::optional<TempDir> bin;
  if (!as_user.empty() && run_command(as_user + program + " --version").status != 0) {
    bin.emplace();
    fs::permissions(bin->path(), fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    fs::copy_file(program, bin->path() / "siracusa");
    program = (bin->path() / "siracusa").string();
  }
  Run readonly = check_to(dir.path(), "readonly/report.json", as_user, program);
  CHECK(readonly.status == 2);
  CHECK(readonly.err.find("error[E0010]: cannot write `readonly/report.json`: permission denied") != std::string::npos);
  CHECK(listing(dir.path() / "readonly").empty());
  CHECK(listing(dir.path()) == std::vector<std::string>{"folder", "readonly", "rules.sir"});
}
