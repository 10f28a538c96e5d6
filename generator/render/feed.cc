#include "render/feed.h"

#include <cstdint>
#include <cstdio>

#include "text/escape.h"
#include "text/hash.h"

namespace keikaku::render {
namespace {

// XML 1.0 allows no C0 control characters but tab and line breaks; YAML lets some through.
void AppendXmlText(std::string& out, const std::string& s) {
  std::string clean;
  clean.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    clean += c;
  }
  text::AppendEscapedHtml(out, clean);
}

// A name-based URN for sites without a public address: 128 bits of two FNV-1a hashes,
// formatted as an RFC 9562 version 8 UUID (the vendor-specific kind).
std::string UrnFor(const std::string& name) {
  std::uint64_t hi = text::Fnv1a64(name), lo = text::Fnv1a64(name, 0x84222325cbf29ce4ULL);
  hi = (hi & ~0xf000ULL) | 0x8000ULL;                              // version 8
  lo = (lo & ~(0xc0ULL << 56)) | (0x80ULL << 56);                  // variant 10
  char buf[64];
  std::snprintf(buf, sizeof buf, "urn:uuid:%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xffff), static_cast<unsigned>(hi & 0xffff),
                static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xffffffffffffULL));
  return buf;
}

class AtomWriter {
 public:
  void Element(const char* name, const std::string& text, const char* attrs = "") {
    out_ += "<";
    out_ += name;
    out_ += attrs;
    out_ += ">";
    AppendXmlText(out_, text);
    out_ += "</";
    out_ += name;
    out_ += ">\n";
  }
  void Link(const char* rel, const std::string& href, const char* type) {
    out_ += "<link rel=\"";
    out_ += rel;
    out_ += "\" type=\"";
    out_ += type;
    out_ += "\" href=\"";
    AppendXmlText(out_, href);
    out_ += "\"/>\n";
  }
  void Raw(const char* s) { out_ += s; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// "2023-05-16T00:00:00+09:00": the start of the date's day (or month, or year) in Japan.
std::string AtomDate(const text::Date& date) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT00:00:00+09:00", date.year, date.month ? date.month : 1,
                date.day ? date.day : 1);
  return buf;
}

}  // namespace

std::string AtomFeed(const model::Plan& plan, const FeedPlace& place) {
  const std::string& base = place.plan_url;  // "" keeps links relative to the feed
  const std::string name = plan.municipality.name + " " + plan.title;
  auto id_of = [&](const std::string& fragment) {
    if (!base.empty()) return base + "revisions.html" + (fragment.empty() ? "" : "#" + fragment);
    return UrnFor(place.site_title + "\n" + plan.slug + "\n" + fragment);
  };
  std::string author = plan.colophon && !plan.colophon->publisher.empty() ? plan.colophon->publisher
                                                                           : plan.municipality.name;
  AtomWriter w;
  w.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n");
  w.Element("title", name + " 改訂履歴");
  w.Element("subtitle", name + "の策定・改定のお知らせ（" + place.site_title + "）");
  w.Element("id", id_of(""));
  w.Element("updated", AtomDate(*model::LastRevised(plan)));
  w.Raw("<author>\n");
  w.Element("name", author);
  w.Raw("</author>\n");
  w.Link("self", base + "feed.xml", "application/atom+xml");
  w.Link("alternate", base + "revisions.html", "text/html");
  w.Element("generator", "keikaku");
  for (auto r = plan.revisions.rbegin(); r != plan.revisions.rend(); ++r) {
    w.Raw("<entry>\n");
    w.Element("title", text::FormatDateBoth(r->date) + " " + r->description);
    w.Element("id", id_of(r->id));
    w.Element("updated", AtomDate(r->date));
    w.Link("alternate", base + "revisions.html#" + r->id, "text/html");
    std::string summary = plan.title + "：" + r->description;
    if (!r->part.empty() && r->part != "—" && r->part != "-") summary += "（改訂箇所：" + r->part + "）";
    w.Element("summary", summary);
    w.Raw("</entry>\n");
  }
  w.Raw("</feed>\n");
  return w.Take();
}

}  // namespace keikaku::render
