#include "syntax/format.hpp"
#include "syntax/parsed_file.hpp"

#include "diag/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace siracusa::syntax {

namespace {

constexpr int indent_step = 2;
constexpr int continuation_step = 4;         // a split string's further segments
constexpr std::size_t enum_line_width = 100; // enum members stay on one line up to this
constexpr std::size_t npos = std::string::npos;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// ---- strings ------------------------------------------------------------------------------

// Non-ASCII characters that are printed as escapes rather than raw: C1 controls, the
// line and paragraph separators, the byte order mark and the invisible bidirectional
// controls (which can make a text read differently from what it says).
bool escape_non_ascii(std::uint32_t cp) {
  return (cp >= 0x80U && cp <= 0x9FU) || cp == 0x061CU || cp == 0x200EU || cp == 0x200FU ||
         (cp >= 0x2028U && cp <= 0x202EU) || (cp >= 0x2066U && cp <= 0x2069U) || cp == 0xFEFFU;
}

void append_code_point_escape(std::string& out, std::uint32_t cp) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string digits;
  do {
    digits.insert(digits.begin(), hex[cp & 0xFU]);
    cp >>= 4U;
  } while (cp != 0);
  out += "\\u{";
  out += digits;
  out += '}';
}

// One string segment in double quotes, escaped canonically.
std::string quote(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80U) {
      if (c == '"')
        out += "\\\"";
      else if (c == '\\')
        out += "\\\\";
      else if (c == '\n')
        out += "\\n";
      else if (c == '\t')
        out += "\\t";
      else if (c < 0x20U || c == 0x7FU)
        append_code_point_escape(out, c);
      else
        out += static_cast<char>(c);
      ++i;
      continue;
    }
    auto [cp, length] = decode_utf8(s, i); // the parser let only valid UTF-8 through
    if (length == 0) {
      out += static_cast<char>(c);
      ++i;
    } else {
      if (escape_non_ascii(cp))
        append_code_point_escape(out, cp);
      else
        out.append(s.substr(i, length));
      i += length;
    }
  }
  out += '"';
  return out;
}

// ---- the printer ------------------------------------------------------------------------

class Printer {
 public:
  explicit Printer(const ParsedFile& file) : file_(file), text_(file.source->text()), comments_(file.ast.comments) {}

  std::string run() {
    const auto& declarations = file_.ast.declarations;
    int previous_kind = -1;
    for (std::size_t i = 0; i < declarations.size(); ++i) {
      const auto& declaration = declarations[i];
      // One-line declarations of one kind (imports, facts, acts, duties) stay together
      // as a list; every other declaration is set apart by a blank line.
      int kind = one_line_kind(declaration);
      // ... unless the author set a comment apart from the list with a blank line.
      bool comment_before = boost::apply_visitor(
          [this](const auto& node) {
            return next_ < comments_.size() && comments_[next_].offset < begin(node) &&
                   blank_line_before(comments_[next_].offset);
          },
          declaration.get());
      if (i > 0 && !(kind >= 0 && kind == previous_kind && !comment_before))
        out_ += '\n';
      boost::apply_visitor([this](const auto& node) { leading(begin(node), 0, true); }, declaration.get());
      boost::apply_visitor([this](const auto& node) { this->declaration(node); }, declaration.get());
      previous_kind = kind;
    }
    if (next_ < comments_.size()) {
      if (!declarations.empty())
        out_ += '\n';
      leading(npos, 0, true);
    }
    return std::move(out_);
  }

 private:
  // Whether an empty line precedes the line that holds `offset`.
  bool blank_line_before(std::size_t offset) const {
    std::size_t i = offset;
    while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t'))
      --i;
    if (i == 0 || text_[i - 1] != '\n')
      return false;
    --i;
    while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t' || text_[i - 1] == '\r'))
      --i;
    return i > 0 && text_[i - 1] == '\n';
  }

  static int one_line_kind(const ast::Declaration& declaration) {
    const auto& node = declaration.get();
    if (boost::get<ast::Import>(&node))
      return 0;
    if (boost::get<ast::FactDecl>(&node))
      return 1;
    if (boost::get<ast::ActDecl>(&node))
      return 2;
    if (auto* duty = boost::get<ast::DutyDecl>(&node); duty && !duty->body)
      return 3;
    if (boost::get<ast::ExpectDecl>(&node))
      return 4;
    return -1;
  }

  const ParsedFile& file_;
  const std::string& text_;
  const std::vector<ast::Comment>& comments_;
  std::size_t next_ = 0; // the first comment not yet printed
  std::string out_;

  // The physical line being built (without its indentation). A logical line (a clause,
  // an attribute ...) is one physical line plus one per further segment of a split string.
  std::string line_;
  int base_indent_ = 0;                      // the logical line's indentation
  int line_indent_ = 0;                      // this physical line's indentation
  std::vector<const ast::Comment*> hoisted_; // comments from inside this physical line

  // ---- positions and comments ----

  std::size_t begin(const x3::position_tagged& node) const { return file_.span(node).begin; }

  // Where a node's last token ends. A node's recorded end can lie past the spaces and
  // comments that follow it: a keyword parser that fails still skips them, e.g. the
  // `protected` of an attribute that has neither `protected` nor a doc string. So the
  // end is moved back over spaces and comments.
  std::size_t end(const x3::position_tagged& node) const {
    Span span = file_.span(node);
    std::size_t first = span.begin;
    std::size_t last = span.end;
    for (;;) {
      while (last > first && (is_space(text_[last - 1]) || text_[last - 1] == '\n'))
        --last;
      auto it = std::lower_bound(comments_.begin(), comments_.end(), last,
                                 [](const ast::Comment& c, std::size_t offset) { return c.offset < offset; });
      if (it == comments_.begin())
        return last;
      --it; // the last comment starting before `last`
      if (last > it->offset + it->text.size() || it->offset < first)
        return last;
      last = it->offset;
    }
  }

  bool comment_within(std::size_t from, std::size_t to) const {
    auto it = std::lower_bound(comments_.begin(), comments_.end(), from,
                               [](const ast::Comment& c, std::size_t offset) { return c.offset < offset; });
    return it != comments_.end() && it->offset < to;
  }

  // Whether the source has an empty line after the comment at `offset`.
  bool blank_line_after(std::size_t offset) const {
    std::size_t i = text_.find('\n', offset);
    if (i == npos)
      return false;
    ++i;
    while (i < text_.size() && is_space(text_[i]))
      ++i;
    return i < text_.size() && text_[i] == '\n';
  }

  // Whether `comment` trails the source text ending at `end`: it is on the same line with
  // nothing in between but spaces and the punctuation in `allowed` (`{` after a block
  // header, `,` after an enum member).
  bool trails(const ast::Comment& comment, std::size_t end, std::string_view allowed) const {
    if (comment.own_line || comment.offset < end)
      return false;
    for (std::size_t i = end; i < comment.offset; ++i)
      if (!is_space(text_[i]) && allowed.find(text_[i]) == npos)
        return false;
    return true;
  }

  void write_comment(const ast::Comment& comment, int indent) {
    out_.append(static_cast<std::size_t>(indent), ' ');
    out_ += comment.text;
    out_ += '\n';
  }

  // Prints, each on its own line at `indent`, the comments that come before `offset`.
  // `keep_blank` (top level) keeps one empty line after a comment that had one.
  void leading(std::size_t offset, int indent, bool keep_blank = false) {
    while (next_ < comments_.size() && comments_[next_].offset < offset) {
      const auto& comment = comments_[next_++];
      write_comment(comment, indent);
      bool more = offset != npos || next_ < comments_.size();
      if (keep_blank && more && blank_line_after(comment.offset))
        out_ += '\n';
    }
  }

  // ---- lines ----

  void open(int indent) {
    line_.clear();
    hoisted_.clear();
    base_indent_ = indent;
    line_indent_ = indent;
  }

  // A new logical line for `node`, after the comments that precede it.
  void start(const x3::position_tagged& node, int indent) {
    leading(begin(node), indent);
    open(indent);
  }

  void put(std::string_view s) { line_ += s; }

  // Writes the physical line whose source ends at `source_end`: first the comments from
  // inside it (they cannot stay there), then the line and the comment that trails it.
  void close(std::size_t source_end, std::string_view allowed = {}) {
    while (next_ < comments_.size() && comments_[next_].offset < source_end)
      hoisted_.push_back(&comments_[next_++]);
    for (const auto* comment : hoisted_)
      write_comment(*comment, line_indent_);
    hoisted_.clear();
    out_.append(static_cast<std::size_t>(line_indent_), ' ');
    out_ += line_;
    if (next_ < comments_.size() && trails(comments_[next_], source_end, allowed)) {
      out_ += ' ';
      out_ += comments_[next_++].text;
    }
    out_ += '\n';
    line_.clear();
  }

  // Ends the physical line after a string segment ending at `previous_end` and starts a
  // continuation line for the segment at `next_begin`.
  void continuation(std::size_t previous_end, std::size_t next_begin) {
    close(previous_end);
    line_indent_ = base_indent_ + continuation_step;
    leading(next_begin, line_indent_);
  }

  // ` {`, the children, `}`; an empty block with no comment inside is ` {}`.
  template <typename Children>
  void block(std::size_t header_end, const x3::position_tagged& node, int indent, bool has_children,
             Children&& children) {
    std::size_t node_end = end(node);
    if (!has_children && !comment_within(header_end, node_end)) {
      put(" {}");
      close(node_end);
      return;
    }
    put(" {");
    close(header_end, "{");
    children();
    leading(node_end == 0 ? 0 : node_end - 1, indent + indent_step); // before the closing brace
    open(indent);
    put("}");
    close(node_end);
  }

  // ---- declarations ----

  void declaration(const ast::Import& node) {
    open(0);
    put("import ");
    string_lit(node.path);
    close(end(node));
  }

  void declaration(const ast::EnumDecl& node) {
    open(0);
    put("enum ");
    put(node.name.name);
    std::size_t header_end = end(node.name);
    if (node.role) {
      put(" for ");
      put(node.role->word);
      header_end = end(*node.role);
    }
    if (node.doc) {
      put(" ");
      string_lit(*node.doc);
      header_end = end(*node.doc);
    }
    const auto& members = node.members;
    block(header_end, node, 0, !members.empty(), [&] {
      std::size_t width = indent_step;
      bool one_line = !comment_within(begin(members.front()), end(members.back()));
      for (const auto& member : members) {
        width += member.name.name.size() + 2;
        if (member.doc)
          one_line = false;
      }
      if (width - 2 > enum_line_width)
        one_line = false;
      if (one_line) {
        start(members.front(), indent_step);
        for (std::size_t i = 0; i < members.size(); ++i) {
          if (i > 0)
            put(", ");
          put(members[i].name.name);
        }
        close(end(members.back()), ",");
        return;
      }
      for (std::size_t i = 0; i < members.size(); ++i) {
        const auto& member = members[i];
        start(member, indent_step);
        put(member.name.name);
        if (member.doc) {
          put(" ");
          string_lit(*member.doc);
        }
        if (i + 1 < members.size())
          put(",");
        close(end(member), ",");
      }
    });
  }

  void declaration(const ast::PersonDecl& node) {
    open(0);
    put("person");
    block(begin(node) + std::string_view("person").size(), node, 0, !node.attributes.empty(), [&] {
      for (const auto& attribute : node.attributes) {
        start(attribute, indent_step);
        put(attribute.name.name);
        put(": ");
        type(attribute.type);
        if (attribute.is_protected)
          put(" protected");
        if (attribute.doc) {
          put(" ");
          string_lit(*attribute.doc);
        }
        close(end(attribute));
      }
    });
  }

  void declaration(const ast::FactDecl& node) {
    open(0);
    put("fact ");
    put(node.name.name);
    put(": ");
    type(node.type);
    if (node.doc) {
      put(" ");
      string_lit(*node.doc);
    }
    close(end(node));
  }

  void declaration(const ast::DutyDecl& node) {
    open(0);
    put("duty ");
    put(node.name.name);
    std::size_t header_end = end(node.name);
    if (node.doc) {
      put(" ");
      string_lit(*node.doc);
      header_end = end(*node.doc);
    }
    if (!node.body) {
      close(end(node));
      return;
    }
    const ast::DutyBody& body = *node.body;
    block(header_end, body, 0, body.rights || body.nature, [&] {
      if (body.rights) {
        start(*body.rights, indent_step);
        put("rights: ");
        identifiers(*body.rights);
        close(end(*body.rights));
      }
      if (body.nature) {
        start(*body.nature, indent_step);
        put("nature: ");
        put(body.nature->word);
        close(end(*body.nature));
      }
    });
  }

  void declaration(const ast::ExpectDecl& node) {
    open(0);
    put("expect ");
    if (node.negated)
      put("no ");
    put(node.verdict.word);
    if (node.strength) {
      put(" ");
      put(node.strength->name);
    }
    if (!node.selector.empty()) {
      put(":");
      for (const auto& word : node.selector) {
        put(" ");
        put(word.name);
      }
    }
    put(" on ");
    put(node.target.name);
    if (node.target_provision) {
      put(".");
      put(node.target_provision->name);
    }
    for (const auto& s : node.sources) {
      put(" source: ");
      source(s);
    }
    close(end(node));
  }

  void declaration(const ast::ActDecl& node) {
    open(0);
    put("act ");
    put(node.name.name);
    if (node.doc) {
      put(" ");
      string_lit(*node.doc);
    }
    close(end(node));
  }

  void declaration(const ast::Block& node) {
    open(0);
    put(node.kind);
    put(" ");
    put(node.name.name);
    block(end(node.name), node, 0, !node.clauses.empty(), [&] {
      for (const auto& c : node.clauses)
        clause(c, indent_step);
    });
  }

  void declaration(const ast::LawDecl& node) {
    open(0);
    put("law ");
    put(node.name.name);
    block(end(node.name), node, 0, !node.items.empty(), [&] {
      bool previous_provision = false;
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        const auto* provision_decl = boost::get<ast::ProvisionDecl>(&node.items[i].get());
        // A blank line sets each provision block apart from what comes before and after.
        if (i > 0 && (provision_decl != nullptr || previous_provision))
          out_ += '\n';
        if (provision_decl != nullptr) {
          start(*provision_decl, indent_step);
          provision(*provision_decl, indent_step);
        } else {
          clause(boost::get<ast::Clause>(node.items[i].get()), indent_step);
        }
        previous_provision = provision_decl != nullptr;
      }
    });
  }

  // `provision name { ... }`, continuing the line already opened (after `adds to law`).
  void provision(const ast::ProvisionDecl& node, int indent) {
    put("provision ");
    put(node.name.name);
    block(end(node.name), node, indent, !node.clauses.empty(), [&] {
      for (const auto& c : node.clauses)
        clause(c, indent + indent_step);
    });
  }

  void declaration(const ast::AmendmentDecl& node) {
    open(0);
    put("amendment ");
    put(node.name.name);
    block(end(node.name), node, 0, !node.items.empty(), [&] {
      // As in a law, a blank line sets each block (`amends`, `adds to`) apart; clauses
      // stay together, and so do consecutive `repeals`.
      auto group = [](const ast::AmendmentItem& item) {
        const auto& v = item.get();
        return boost::get<ast::Clause>(&v) != nullptr ? 0 : boost::get<ast::Repeals>(&v) != nullptr ? 1 : 2;
      };
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        if (i > 0 && (group(node.items[i]) != group(node.items[i - 1]) || group(node.items[i]) == 2))
          out_ += '\n';
        boost::apply_visitor([this](const auto& n) { amendment_item(n); }, node.items[i].get());
      }
    });
  }

  void amendment_item(const ast::Clause& node) { clause(node, indent_step); }

  void amendment_item(const ast::Amends& node) {
    start(node, indent_step);
    put("amends ");
    put(node.law.name);
    put(".");
    put(node.provision.name);
    block(end(node.provision), node, indent_step, !node.changes.empty(), [&] {
      for (const auto& c : node.changes)
        change(c, 2 * indent_step);
    });
  }

  void amendment_item(const ast::Repeals& node) {
    start(node, indent_step);
    put("repeals ");
    put(node.law.name);
    put(".");
    put(node.provision.name);
    close(end(node));
  }

  void amendment_item(const ast::AddsTo& node) {
    start(node, indent_step);
    put("adds to ");
    put(node.law.name);
    put(" ");
    provision(node.provision, indent_step);
  }

  void change(const ast::Change& node, int indent) {
    start(node, indent);
    if (node.verb == "set_restricts" || node.verb == "set_implements") {
      put(node.verb == "set_restricts" ? "set restricts: " : "set implements: ");
      identifiers(node.names);
    } else {
      put(node.verb);
      put(" ");
      put(node.fact.name);
      if (node.value) {
        put(": ");
        value(*node.value);
      }
    }
    close(end(node));
  }

  // ---- clauses ----

  void clause(const ast::Clause& node, int indent) {
    start(node, indent);
    if (node.key == "fact")
      put(node.fact.name);
    else if (node.key == "applies_to")
      put("applies to");
    else if (node.key == "fails_when")
      put("fails when");
    else if (node.key == "implements_partially")
      put("implements partially");
    else if (node.key == "cited_as")
      put("cited as");
    else
      put(node.key);
    put(": ");
    if (node.key == "cited_as")
      citation_forms(boost::get<ast::CitationList>(node.value.get()));
    else
      boost::apply_visitor([this](const auto& v) { clause_value(v); }, node.value.get());
    close(end(node));
  }

  // `cited as:` names forms without their article or paragraphs.
  void citation_forms(const ast::CitationList& forms) {
    for (std::size_t i = 0; i < forms.items.size(); ++i) {
      const auto& form = forms.items[i];
      if (i > 0)
        put(", ");
      if (form.kind == "general_comment") {
        put("general comment ");
        put(form.reference);
      } else {
        put(form.kind);
      }
    }
  }

  void clause_value(const ast::StringLit& v) { string_lit(v); }
  void clause_value(const ast::IdentList& v) { identifiers(v); }
  void clause_value(const ast::CitationList& v) {
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      if (i > 0)
        put("; ");
      citation(v.items[i]);
    }
  }
  void clause_value(const ast::ArticleRef& v) { put(v.text); }
  void clause_value(const ast::BoolLit& v) { put(v.word); }
  void clause_value(const ast::DateLit& v) { put(v.text); }
  void clause_value(const ast::Source& v) { source(v); }
  void clause_value(const ast::Expression& v) { expression(v); }
  void clause_value(const ast::StatedValue& v) {
    value(v.value);
    if (v.provenance) {
      put(" [");
      put(v.provenance->basis.word);
      if (v.provenance->source) {
        put(" ");
        source(*v.provenance->source);
      }
      put("]");
    }
  }
  void clause_value(const ast::PartialImplementation& v) {
    put(v.duty.name);
    put(" ");
    string_lit(v.note);
  }
  void clause_value(const ast::Deontic& v) {
    put(v.act.name);
    put(" for ");
    expression(v.who);
  }
  void clause_value(const ast::ReportedAbsent& v) {
    put(v.duty.name);
    put(", source: ");
    source(v.source);
  }
  void clause_value(const ast::Word& v) { put(v.word); }
  void clause_value(const ast::ParaSpan& v) {
    put(v.low);
    put("..");
    put(v.high);
  }

  void identifiers(const ast::IdentList& list) {
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      if (i > 0)
        put(", ");
      put(list.items[i].name);
    }
  }

  void paras(const std::vector<ast::ParaRange>& ranges) {
    if (ranges.empty())
      return;
    put(" para ");
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      if (i > 0)
        put(", ");
      put(ranges[i].low);
      if (ranges[i].high) {
        put("..");
        put(*ranges[i].high);
      }
    }
  }

  void citation(const ast::Citation& c) {
    if (c.kind == "covenant") {
      put("covenant art ");
      put(c.reference);
    } else if (c.kind == "general_comment") {
      put("general comment ");
      put(c.reference);
    } else if (c.kind == "siracusa") {
      put("siracusa");
    } else if (c.kind == "views") {
      put("views ");
      put(quote(c.reference));
    } else {
      put(c.reference);
    }
    paras(c.paras);
    if (c.unverified)
      put(" [unverified]");
  }

  void source(const ast::Source& s) {
    put(s.document);
    paras(s.paras);
  }

  // ---- strings ----

  // Skips spaces, newlines and comments.
  std::size_t skip_blank(std::size_t i) const {
    while (i < text_.size()) {
      if (is_space(text_[i]) || text_[i] == '\n') {
        ++i;
      } else if (text_[i] == '#') {
        while (i < text_.size() && text_[i] != '\n')
          ++i;
      } else {
        break;
      }
    }
    return i;
  }

  // Where each segment of a split string is in the source (the AST keeps one span for
  // the whole literal).
  std::vector<std::pair<std::size_t, std::size_t>> segment_spans(const ast::StringLit& s) const {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::size_t i = begin(s);
    for (std::size_t k = 0; k < s.segments.size(); ++k) {
      i = skip_blank(i);
      std::size_t segment_begin = i;
      if (i < text_.size() && text_[i] == '"') {
        ++i;
        while (i < text_.size() && text_[i] != '"' && text_[i] != '\n')
          i += text_[i] == '\\' ? 2 : 1;
        i = std::min(i + 1, text_.size());
      }
      spans.emplace_back(segment_begin, i);
    }
    return spans;
  }

  void string_lit(const ast::StringLit& s) {
    if (s.segments.size() <= 1) {
      put(quote(s.segments.empty() ? std::string_view() : std::string_view(s.segments.front())));
      return;
    }
    auto spans = segment_spans(s);
    for (std::size_t i = 0; i < s.segments.size(); ++i) {
      if (i > 0)
        continuation(spans[i - 1].second, spans[i].first);
      put(quote(s.segments[i]));
    }
  }

  // ---- types, values and expressions ----

  void type(const ast::TypeExpr& t) {
    if (t.kind == "set") {
      put("set of ");
      put(t.name.name);
    } else if (t.kind == "predicate") {
      put("predicate over person");
    } else if (t.kind == "named") {
      put(t.name.name);
    } else if (t.kind == "inline") {
      put("{");
      for (std::size_t i = 0; i < t.members.size(); ++i) {
        if (i > 0)
          put(", ");
        put(t.members[i].name);
      }
      put("}");
    } else {
      put(t.kind); // bool, integer, days, hours, months, years, date, text
    }
  }

  void quantity(const ast::Quantity& q) {
    put(q.digits);
    if (q.unit) {
      put(" ");
      put(*q.unit);
    }
  }

  void value(const ast::Value& v) {
    boost::apply_visitor([this](const auto& n) { value_node(n); }, v.get());
  }
  void value_node(const ast::UnknownValue& v) { put(v.word); }
  void value_node(const ast::BoundValue& v) {
    put("at ");
    put(v.bound);
    put(" ");
    expression(v.value);
  }
  void value_node(const ast::OneOfValue& v) {
    put("one of ");
    expression_set(v.options);
  }
  void value_node(const ast::RangeValue& v) {
    quantity(v.low);
    put("..");
    quantity(v.high);
  }
  void value_node(const ast::ExactValue& v) { expression(v.value); }

  void expression_set(const std::vector<ast::Expression>& elements) {
    put("{");
    expression_list(elements);
    put("}");
  }

  void expression_list(const std::vector<ast::Expression>& elements) {
    for (std::size_t i = 0; i < elements.size(); ++i) {
      if (i > 0)
        put(", ");
      expression(elements[i]);
    }
  }

  // One precedence level: operands and binary operators, spaced.
  void expression(const ast::Expression& e) {
    operand(e.first);
    for (const auto& operation : e.rest) {
      put(" ");
      put(ast::spelling(operation.op));
      put(" ");
      operand(operation.operand);
    }
  }

  void operand(const ast::Operand& o) {
    boost::apply_visitor([this](const auto& n) { operand_node(n); }, o.get());
  }

  template <typename T>
  void operand_node(const x3::forward_ast<T>& node) {
    operand_node(node.get());
  }
  void operand_node(const ast::Quantity& q) { quantity(q); }
  void operand_node(const ast::DateLit& d) { put(d.text); }
  void operand_node(const ast::StringLit& s) { string_lit(s); }
  void operand_node(const ast::BoolLit& b) { put(b.word); }
  void operand_node(const ast::KeywordLit& k) { put(k.word); }
  void operand_node(const ast::Identifier& i) { put(i.name); }
  void operand_node(const ast::SetLit& s) { expression_set(s.elements); }
  void operand_node(const ast::PredicateLit& p) {
    put("person where ");
    expression(p.body);
  }
  void operand_node(const ast::Quantified& q) {
    put(q.kind);
    put(" ");
    for (std::size_t i = 0; i < q.binders.size(); ++i) {
      if (i > 0)
        put(", ");
      boost::apply_visitor([this](const auto& b) { binder(b); }, q.binders[i].get());
    }
    put(": ");
    expression(q.body);
  }
  void operand_node(const ast::Unary& u) {
    if (u.op == ast::Op::not_) {
      put("not ");
    } else {
      // `- -1`, not `--1`.
      const auto* inner = boost::get<x3::forward_ast<ast::Unary>>(&u.operand.get());
      put(inner != nullptr && inner->get().op == ast::Op::neg ? "- " : "-");
    }
    operand(u.operand);
  }
  void operand_node(const ast::Postfix& p) {
    // The grammar gives a primary an Expression only for `( expr )`.
    if (const auto* inner = boost::get<x3::forward_ast<ast::Expression>>(&p.base.get())) {
      put("(");
      expression(inner->get());
      put(")");
    } else {
      operand(p.base);
    }
    for (const auto& op : p.ops)
      boost::apply_visitor([this](const auto& n) { postfix_op(n); }, op.get());
  }
  // A level of precedence below the one printing it: no parentheses in the source.
  void operand_node(const ast::Expression& e) { expression(e); }

  void postfix_op(const ast::MemberAccess& m) {
    put(".");
    put(m.member.name);
  }
  void postfix_op(const ast::Call& c) {
    put("(");
    expression_list(c.arguments);
    put(")");
  }

  void binder(const ast::PersonBinder& b) {
    put("person ");
    put(b.name.name);
  }
  void binder(const ast::InBinder& b) {
    put(b.name.name);
    put(" in ");
    expression(b.domain);
  }
  void binder(const ast::PairBinder& b) {
    put("pair ");
    put(b.first.name);
    put(", ");
    put(b.second.name);
    put(" differing in ");
    if (b.attributes.empty()) {
      put("protected");
      return;
    }
    put("{");
    for (std::size_t i = 0; i < b.attributes.size(); ++i) {
      if (i > 0)
        put(", ");
      put(b.attributes[i].name);
    }
    put("}");
  }
};

} // namespace

std::string format(const ParsedFile& file) {
  if (!file.source)
    return {};
  return Printer(file).run();
}

} // namespace siracusa::syntax
