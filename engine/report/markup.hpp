// engine/report — escaping text for the document formats. Report texts mark code (a
// fact, a statement) with backticks, as `notice_days`; both formats show it as code.
#pragma once

#include <string>

namespace siracusa::report {

// Text for HTML element content and attribute values: & < > " ' escaped.
std::string html_escape(const std::string& text);
// html_escape, with `backtick spans` as <code>.
std::string html_inline(const std::string& text);
// Text for Markdown that reads as itself: characters Markdown would interpret are
// backslash-escaped, `backtick spans` kept as code, line breaks made spaces.
std::string markdown_inline(const std::string& text);

} // namespace siracusa::report
