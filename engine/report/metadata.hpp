// engine/report — what a report says about its own run: each input file with the
// SHA-256 of its bytes, and the rule base's version as a digest of its files. Reports
// are reproducible: the same files and options give the same bytes.
#pragma once

#include "report/report.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace siracusa::report {

// The SHA-256 of a file's bytes, or empty when it cannot be read.
std::string file_digest(const std::filesystem::path& path);

// The model's files with their digests; a name relative to `display_root` is read there.
// A file that cannot be read again gets an empty digest.
std::vector<InputFile> digest_inputs(const model::Model& model, const std::filesystem::path& display_root);

// The rule base's version: SHA-256 over one line `<sha256>  <name>\n` per rule file,
// sorted by name, where the rule files are the files in the folders that declare the
// tests and names are relative to the parent of their folder (`iccpr/tests-legality.sir`),
// so that the digest does not depend on where the rule base lives. Empty without tests.
std::string rule_base_digest(const std::vector<InputFile>& files, const model::Model& model);

} // namespace siracusa::report
