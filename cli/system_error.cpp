#include "system_error.hpp"

#include <spdlog/spdlog.h>

#include <cerrno>
#include <filesystem>
#include <iostream>
#include <new>

namespace siracusa::cli {

std::string describe(const std::error_code& code) {
  if (code.category() != std::generic_category() && code.category() != std::system_category())
    return "the system reported error " + std::to_string(code.value());
  switch (code.value()) {
  case ENOENT:
    return "no such file or folder";
  case EACCES:
  case EPERM:
    return "permission denied";
  case ENOTDIR:
    return "a part of the path is a file, not a folder";
  case EISDIR:
    return "it is a folder";
  case EEXIST:
    return "it exists already";
  case ENOSPC:
    return "no space left on the device";
  case EROFS:
    return "the file system is read-only";
  case ENAMETOOLONG:
    return "the name is too long";
  case ELOOP:
    return "too many symbolic links";
  case EMFILE:
  case ENFILE:
    return "too many open files";
  case EIO:
    return "an input/output error of the device";
  default:
    return "the system reported error " + std::to_string(code.value());
  }
}

void report_exception(const std::exception& exception, const GlobalOptions& global) {
  // With -v the original text is logged for whoever debugs it.
  spdlog::debug("unhandled exception: {}", exception.what());
  if (const auto* fs_error = dynamic_cast<const std::filesystem::filesystem_error*>(&exception)) {
    std::string path = fs_error->path1().empty() ? std::string("a file") : "`" + fs_error->path1().string() + "`";
    print_error("E0001", "cannot use " + path + ": " + describe(fs_error->code()), {}, global);
    return;
  }
  if (dynamic_cast<const std::bad_alloc*>(&exception)) {
    std::cerr << "siracusa: internal error: out of memory\n";
    return;
  }
  std::cerr << "siracusa: internal error: an unexpected failure stopped the command; please report it, with the "
               "output of the same command run with -v\n";
}

} // namespace siracusa::cli
