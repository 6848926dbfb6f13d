#include "output.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <streambuf>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace siracusa::cli {

namespace fs = std::filesystem;

namespace {

// Why open(2) or write(2) failed, in the words of the diagnostics.
std::string reason(int error_number, const fs::path& folder) {
  switch (error_number) {
  case EACCES:
  case EPERM:
  case EROFS:
    return "permission denied";
  case ENOENT:
  case ENOTDIR: {
    std::error_code ec;
    if (fs::is_directory(folder.empty() ? fs::path(".") : folder, ec))
      return "files cannot be created in `" + folder.string() + "`";
    return "no such folder `" + folder.string() + "`";
  }
  case EISDIR:
    return "is a folder";
  case ENOSPC:
  case EDQUOT:
    return "no space left on the device";
  default:
    return std::strerror(error_number);
  }
}

// A stream onto a file descriptor, unbuffered: the reports gather their own chunks. A
// failed write(2) fails the stream and keeps its errno.
class DescriptorBuffer final : public std::streambuf {
 public:
  explicit DescriptorBuffer(int fd) : fd_(fd) {}
  int error() const { return error_; }

 protected:
  std::streamsize xsputn(const char* data, std::streamsize size) override {
    std::streamsize done = 0;
    while (done < size && error_ == 0) {
      ssize_t n = ::write(fd_, data + done, static_cast<std::size_t>(size - done));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        error_ = n < 0 ? errno : EIO;
      else
        done += n;
    }
    return done;
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof()))
      return traits_type::not_eof(c);
    char byte = traits_type::to_char_type(c);
    return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
  }

 private:
  int fd_;
  int error_ = 0;
};

// Writes what `produce` makes to `fd`; false with errno set when a write failed. An
// exception from `produce` is left to the caller, which owns the descriptor.
bool deliver(int fd, const Producer& produce) {
  DescriptorBuffer buffer(fd);
  std::ostream stream(&buffer);
  produce(stream);
  stream.flush();
  if (buffer.error() != 0 || !stream) {
    errno = buffer.error() != 0 ? buffer.error() : EIO;
    return false;
  }
  return true;
}

// What a chain of symlinks ends at (the link itself when it dangles into a file to
// create); bounded like the kernel's, so that a loop is an error rather than a hang.
std::optional<fs::path> follow_links(fs::path path) {
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(path, ec))
      return path;
    fs::path target = fs::read_symlink(path, ec);
    if (ec)
      return std::nullopt;
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  return std::nullopt;
}

bool write_through(const std::string& shown, const fs::path& path, const Producer& produce, std::string& error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    error = "cannot write `" + shown + "`: " + reason(errno, path.parent_path());
    return false;
  }
  bool ok = false;
  try {
    ok = deliver(fd, produce);
  } catch (...) {
    ::close(fd);
    throw;
  }
  int saved = errno;
  ok = ::close(fd) == 0 && ok;
  if (!ok)
    error = "cannot write `" + shown + "`: " + reason(saved, path.parent_path());
  return ok;
}

bool replace_atomically(const std::string& shown, const fs::path& target, const Producer& produce, std::string& error) {
  fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  fs::path temporary = target;
  temporary += ".siracusa-tmp-" + std::to_string(::getpid());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = "cannot write `" + shown + "`: " + reason(errno, folder);
    return false;
  }
  // The replacement keeps the permissions of the file it replaces.
  struct stat existing {};
  if (::stat(target.c_str(), &existing) == 0)
    ::fchmod(fd, existing.st_mode & 07777);
  // Whatever stops the writing half-way, nothing of it is left: not the temporary, and
  // the target as it was.
  bool ok = false;
  try {
    ok = deliver(fd, produce);
  } catch (...) {
    ::close(fd);
    ::unlink(temporary.c_str());
    throw;
  }
  int saved = errno;
  ok = ::close(fd) == 0 && ok;
  if (ok && ::rename(temporary.c_str(), target.c_str()) != 0) {
    ok = false;
    saved = errno;
  }
  if (!ok) {
    ::unlink(temporary.c_str());
    error = "cannot write `" + shown + "`: " + reason(saved, folder);
  }
  return ok;
}

} // namespace

bool write_output(const std::string& path, const std::string& content, std::string& error) {
  return write_output(path, Producer([&content](std::ostream& out) { out << content; }), error);
}

bool write_output(const std::string& path, const Producer& produce, std::string& error) {
  if (path == "-") {
    produce(std::cout);
    std::cout << std::flush;
    if (!std::cout) {
      error = "cannot write to standard output";
      return false;
    }
    return true;
  }
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) {
      error = "cannot write `" + path + "`: is a folder";
      return false;
    }
    // Opened by the name given, so that links the kernel resolves itself
    // (/dev/stdout -> /proc/self/fd/1 -> a pipe) reach what they stand for.
    if (!S_ISREG(info.st_mode))
      return write_through(path, path, produce, error);
    // A regular file, possibly behind symlinks: replace the file, not the links.
    std::unique_ptr<char, decltype(&std::free)> real(::realpath(path.c_str(), nullptr), &std::free);
    return replace_atomically(path, real ? fs::path(real.get()) : fs::path(path), produce, error);
  }
  if (errno != ENOENT) {
    error = "cannot write `" + path + "`: " + reason(errno, fs::path(path).parent_path());
    return false;
  }
  // Nothing there yet, or a symlink to a file still to be made: create what it names.
  auto target = follow_links(path);
  if (!target) {
    error = "cannot write `" + path + "`: too many levels of symbolic links";
    return false;
  }
  return replace_atomically(path, *target, produce, error);
}

} // namespace siracusa::cli
