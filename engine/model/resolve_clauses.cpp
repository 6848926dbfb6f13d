// engine/model — clause handling shared by the passes: dates, paragraphs, sources, citations, word lists.
#include "model/resolver.hpp"

namespace siracusa::model::detail {

std::optional<DateRange> Resolver::partial_date(const ast::DateLit& node) {
  const std::string& t = node.text;
  int year = std::stoi(t.substr(0, 4));
  int month = t.size() >= 7 ? std::stoi(t.substr(5, 2)) : 0;
  int day = t.size() >= 10 ? std::stoi(t.substr(8, 2)) : 0;
  std::optional<std::int64_t> first;
  std::optional<std::int64_t> last;
  if (day > 0) {
    first = last = days_from_civil(year, month, day);
  } else if (month > 0) {
    first = days_from_civil(year, month, 1);
    auto next = month == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, month + 1, 1);
    if (next)
      last = *next - 1;
  } else {
    first = days_from_civil(year, 1, 1);
    last = days_from_civil(year, 12, 31);
  }
  if (!first || !last) {
    diagnostics_.error("E0105", span(node), "`" + t + "` is not a valid calendar date");
    return std::nullopt;
  }
  return DateRange{*first, *last, t};
}

Dates Resolver::dates(const Clauses& clauses, const Span& owner) {
  Dates d;
  d.span = owner;
  auto read = [&](const char* key, std::optional<DateRange>& into) {
    if (auto* c = clauses.first(key))
      into = partial_date(*get_if<ast::DateLit>(c->value));
  };
  read("adopted", d.adopted);
  read("effective", d.effective);
  read("repealed", d.repealed);
  read("expires", d.expires);
  if (d.adopted && d.effective && d.effective->last < d.adopted->first)
    diagnostics_.error("E0105", span(*clauses.first("effective")),
                       "the entry into force (" + d.effective->text + ") is before the adoption (" + d.adopted->text +
                           ")");
  for (const auto* end : {&d.repealed, &d.expires}) {
    const auto& start = d.effective ? d.effective : d.adopted;
    if (*end && start && (*end)->last < start->first)
      diagnostics_.error("E0105", span(*clauses.first(end == &d.repealed ? "repealed" : "expires")),
                         "the end of force (" + (*end)->text + ") is before the entry into force (" + start->text +
                             ")");
  }
  return d;
}

std::vector<ParaRange> Resolver::paras(const std::vector<ast::ParaRange>& nodes) {
  std::vector<ParaRange> out;
  for (const auto& node : nodes) {
    auto low = number(node.low, span(node));
    auto high = node.high ? number(*node.high, span(node)) : low;
    if (!low || !high)
      continue;
    if (*low > *high) {
      diagnostics_.error("E0106", span(node), "the range of paragraphs is empty");
      continue;
    }
    out.push_back({static_cast<int>(*low), static_cast<int>(*high)});
  }
  return out;
}

void Resolver::check_paras(const std::string& document_id, const std::vector<ParaRange>& ranges, const Span& where) {
  int index = lookup(documents_, "document", document_id, where, "E0213");
  if (index < 0)
    return;
  const auto& document = model_.documents[static_cast<std::size_t>(index)];
  if (!document.paragraphs)
    return;
  for (const auto& range : ranges) {
    if (range.low < document.paragraphs->low || range.high > document.paragraphs->high) {
      diagnostics_.error("E0213", where,
                         "paragraph " + display_paras({range}) + " is not in `" + document_id + "` (paragraphs " +
                             display_paras({*document.paragraphs}) + ")");
    }
  }
}

SourceRef Resolver::source(const ast::Source& node) {
  SourceRef ref;
  ref.document = node.document;
  ref.paras = paras(node.paras);
  ref.span = span(node);
  check_paras(ref.document, ref.paras, ref.span);
  if (documents_.count(ref.document))
    sources_seen_.emplace(current_file_, ref.document);
  return ref;
}

std::string Resolver::citation_form(const std::string& kind, const std::string& reference) {
  if (kind == "general_comment")
    return "general comment " + reference;
  return kind;
}

std::string Resolver::example_document() const {
  if (auto it = sources_seen_.find(current_file_); it != sources_seen_.end())
    return it->second;
  const std::string* visible = nullptr;
  for (const auto& [id, entry] : documents_) {
    if (entry.file == current_file_)
      return id;
    if (!visible && files_.files[current_file_].visible[entry.file])
      visible = &id;
  }
  return visible ? *visible : "<document>";
}

std::vector<Citation> Resolver::citations(const Clauses& clauses) {
  std::vector<Citation> out;
  for (const auto* clause : clauses.all("cites")) {
    for (const auto& node : get_if<ast::CitationList>(clause->value)->items) {
      Citation c;
      c.kind = node.kind;
      c.reference = node.reference;
      c.paras = paras(node.paras);
      c.unverified = node.unverified;
      c.span = span(node);
      if (c.kind == "document") {
        check_paras(c.reference, c.paras, c.span);
        c.document = c.reference;
      } else if (auto it = citation_forms_.find(citation_form(c.kind, c.reference)); it != citation_forms_.end()) {
        c.document = model_.documents[static_cast<std::size_t>(it->second.index)].id;
      }
      out.push_back(std::move(c));
    }
  }
  return out;
}

std::vector<int> Resolver::rights_list(const ast::IdentList& list) {
  std::vector<int> out;
  for (const auto& name : list.items) {
    int r = lookup_right(name.name, span(name));
    if (r >= 0 && std::find(out.begin(), out.end(), r) == out.end())
      out.push_back(r);
  }
  return out;
}

std::optional<std::string> Resolver::word_from(const std::string& word, const std::vector<std::string>& allowed,
                                               const char* what, const Span& where) {
  if (std::find(allowed.begin(), allowed.end(), word) != allowed.end())
    return word;
  auto& d = diagnostics_.error("E0214", where, "unknown " + std::string(what) + " `" + word + "`");
  if (auto suggestion = closest(word, allowed))
    d.notes.push_back({{}, "did you mean `" + *suggestion + "`?"});
  else
    d.notes.push_back({{}, "expected one of: " + join(allowed)});
  return std::nullopt;
}

} // namespace siracusa::model::detail
