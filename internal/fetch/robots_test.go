package fetch

import (
	"testing"
	"time"
)

func TestRobotsAllowed(t *testing.T) {
	const txt = `# comment
User-agent: *
Disallow: /private/
Allow: /private/public.html
Disallow: /*.pdf$
Disallow: /search?q=

User-agent: BadBot
User-agent: OtherBot
Disallow: /

User-agent: appilint
Disallow: /members/
Allow: /members/privacy
Crawl-delay: 2

Sitemap: https://example.com/sitemap.xml
`
	r := ParseRobots([]byte(txt))
	tests := []struct {
		agent, path string
		want        bool
	}{
		{"Mozilla/5.0", "/", true},
		{"Mozilla/5.0", "/private/x", false},
		{"Mozilla/5.0", "/private/public.html", true},
		{"Mozilla/5.0", "/doc.pdf", false},
		{"Mozilla/5.0", "/doc.pdf?x=1", true}, // $ anchors the end
		{"Mozilla/5.0", "/search?q=abc", false},
		{"badbot/2.0", "/anything", false},
		{"OtherBot", "/", false},
		// appilint has its own group, so the * group does not apply.
		{"appilint/0.1 (+https://github.com/appilint/appilint)", "/private/x", true},
		{"AppiLint", "/members/list", false},
		{"appilint", "/members/privacy", true},
		{"appilint", "/robots.txt", true},
	}
	for _, tt := range tests {
		if got := r.Allowed(tt.agent, tt.path); got != tt.want {
			t.Errorf("Allowed(%q, %q) = %v, want %v", tt.agent, tt.path, got, tt.want)
		}
	}
	if d := r.CrawlDelay("appilint"); d != 2*time.Second {
		t.Errorf("CrawlDelay = %v, want 2s", d)
	}
}

func TestRobotsTieAndEmpty(t *testing.T) {
	r := ParseRobots([]byte("User-agent: *\nDisallow: /a\nAllow: /a\nDisallow:\n"))
	if !r.Allowed("x", "/a") {
		t.Error("equal-length Allow must win over Disallow")
	}
	if !ParseRobots(nil).Allowed("x", "/") {
		t.Error("empty robots.txt must allow everything")
	}
	// Rules before any User-agent line belong to no group.
	if !ParseRobots([]byte("Disallow: /\n")).Allowed("x", "/") {
		t.Error("a rule outside a group must be ignored")
	}
	// A BOM and CRLF line ends are common on Windows-edited files.
	if ParseRobots([]byte("\xEF\xBB\xBFUser-agent: *\r\nDisallow: /x\r\n")).Allowed("a", "/x/y") {
		t.Error("BOM/CRLF robots.txt not parsed")
	}
}

func TestMatchPattern(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/", "/anything", true},
		{"/fish", "/fish.html", true},
		{"/fish", "/Fish", false},
		{"/fish$", "/fish", true},
		{"/fish$", "/fish/", false},
		{"/*.php", "/index.php?x", true},
		{"/*.php$", "/a/b.php", true},
		{"/*.php$", "/a/b.php5", false},
		{"/a*b*c", "/axxbyyc", true},
		{"/a*b*c", "/axxcyyb", false},
		{"*", "/", true},
		{"/p*", "/p", true},
	}
	for _, tt := range tests {
		if got := matchPattern(tt.pattern, tt.path); got != tt.want {
			t.Errorf("matchPattern(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func FuzzParseRobots(f *testing.F) {
	f.Add("User-agent: *\nDisallow: /a*b$\n", "/axb")
	f.Fuzz(func(t *testing.T, txt, path string) {
		_ = ParseRobots([]byte(txt)).Allowed("appilint", path)
	})
}
