// cli — writing a report or a rewritten rule file.
// Takes: a path as the user gave it and the whole content, or what writes it to a stream
// as it is made (a report is never held whole). Gives: the content written there, or a
// reason why it could not be.
//  - `-` is standard output; a device, FIFO or socket is written straight through (an
//    atomic rename would replace the node itself with a regular file);
//  - a symlink is followed to what it names;
//  - a regular file, or a path that does not exist yet, is written whole or not at all:
//    a temporary beside it, then a rename; an exception from the producer leaves
//    neither the temporary nor a changed target, and goes on to the caller.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

namespace siracusa::cli {

using Producer = std::function<void(std::ostream&)>;

bool write_output(const std::string& path, const std::string& content, std::string& error);
bool write_output(const std::string& path, const Producer& produce, std::string& error);

} // namespace siracusa::cli
