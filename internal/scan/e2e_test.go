package scan

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

// site is a local web server with the pages a real batch meets.
type site struct {
	*httptest.Server
	mu    sync.Mutex
	hits  map[string]int
	pages map[string]string // path → UTF-8 page text, to check positions
}

func (s *site) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// sjis encodes s as Shift_JIS. Windows (and x/text) map the Shift_JIS
// wave dash to U+FF5E, so pages are written with that character.
func sjis(t testing.TB, s string) []byte {
	t.Helper()
	out, err := japanese.ShiftJIS.NewEncoder().String(s)
	if err != nil {
		t.Fatalf("cannot encode as Shift_JIS: %v", err)
	}
	return []byte(out)
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{hits: map[string]int{}, pages: map[string]string{}}
	type resp struct {
		ctype string
		body  []byte
	}
	static := map[string]resp{}
	add := func(path, ctype string, body []byte, text string) {
		static[path] = resp{ctype, body}
		s.pages[path] = text
	}
	for i := range 10 {
		p := page(toHTML(policy(t, fmt.Sprintf("株式会社サンプル%d", i))), "utf-8")
		add(fmt.Sprintf("/utf8/%d", i), "text/html; charset=utf-8", []byte(p), p)
	}
	wave := strings.NewReplacer("〜", "～")
	for i := range 3 {
		p := wave.Replace(page(toHTML(policy(t, fmt.Sprintf("株式会社エスジス%d", i))), ""))
		add(fmt.Sprintf("/sjis-header/%d", i), "text/html; charset=Shift_JIS", sjis(t, p), p)
		p = wave.Replace(page(toHTML(policy(t, fmt.Sprintf("株式会社メタ%d", i))), "Shift_JIS"))
		add(fmt.Sprintf("/sjis-meta/%d", i), "text/html", sjis(t, p), p)
	}
	p := wave.Replace(page(toHTML(policy(t, "株式会社ケンシュツ")), ""))
	add("/sjis-detect", "text/html", sjis(t, p), p)
	p = wave.Replace(page(toHTML(policy(t, "株式会社マチガイ")), "Shift_JIS"))
	add("/sjis-wrong-header", "text/html; charset=utf-8", sjis(t, p), p) // the header lies
	thin, err := os.ReadFile(filepath.Join("..", "..", "testdata", "policies", "thin.txt"))
	if err != nil {
		t.Fatal(err)
	}
	p = page(toHTML(string(thin)), "utf-8")
	add("/no-operator", "text/html; charset=utf-8", []byte(p), p)
	add("/plain.txt", "text/plain; charset=utf-8", thin, string(thin))
	add("/js-only", "text/html", []byte(`<html><body><div id="app"></div><script>render("当社")</script></body></html>`), "")
	add("/huge", "text/html", []byte("<p>"+strings.Repeat("当社は個人情報を取り扱います。", 5000)+"</p>"), "")
	add("/private/policy", "text/html", []byte(page(toHTML(string(thin)), "")), "")
	add("/robots.txt", "text/plain", []byte("User-agent: *\nDisallow: /private/\n"), "")

	var flaky atomic.Int32
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		if st, ok := static[r.URL.Path]; ok {
			w.Header().Set("Content-Type", st.ctype)
			w.Write(st.body)
			return
		}
		switch path := r.URL.Path; {
		case strings.HasPrefix(path, "/old/"):
			http.Redirect(w, r, "/utf8/"+strings.TrimPrefix(path, "/old/"), http.StatusMovedPermanently)
		case path == "/chain":
			http.Redirect(w, r, "/chain2", http.StatusFound)
		case path == "/chain2":
			http.Redirect(w, r, "/utf8/5", http.StatusFound)
		case path == "/to-ftp":
			http.Redirect(w, r, "ftp://files.example.com/privacy.txt", http.StatusFound)
		case path == "/slow":
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		case path == "/flaky":
			if flaky.Add(1) == 1 {
				http.Error(w, "maintenance", http.StatusServiceUnavailable)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page(toHTML(policy(t, "株式会社フレーキー")), ""))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func TestScanURLs(t *testing.T) {
	s := newSite(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out")

	var list strings.Builder
	list.WriteString("# audit list\n\n")
	var want []string
	addURL := func(path, company string) {
		u := s.URL + path
		want = append(want, u)
		if company != "" {
			fmt.Fprintf(&list, "%s\t%s\n", u, company)
		} else {
			fmt.Fprintln(&list, u)
		}
	}
	for i := range 10 {
		company := ""
		if i < 5 {
			company = fmt.Sprintf("リスト会社%d", i)
		}
		addURL(fmt.Sprintf("/utf8/%d", i), company)
	}
	for i := range 3 {
		addURL(fmt.Sprintf("/sjis-header/%d", i), "")
		addURL(fmt.Sprintf("/sjis-meta/%d", i), "")
		addURL(fmt.Sprintf("/old/%d", i), "")
	}
	for _, p := range []string{"/sjis-detect", "/sjis-wrong-header", "/no-operator", "/plain.txt", "/js-only",
		"/huge", "/private/policy", "/chain", "/to-ftp", "/slow", "/flaky", "/missing/0", "/missing/1"} {
		addURL(p, "")
	}
	listFile := filepath.Join(dir, "urls.txt")
	if err := os.WriteFile(listFile, []byte(list.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	opt := testOptions(t, out)
	st := run(t, nil, []string{listFile}, opt)
	recs := records(t, out)
	if len(recs) != len(want) || st.Checked != len(want) {
		t.Fatalf("%d records (stats %+v) for %d URLs", len(recs), st, len(want))
	}
	get := func(path string) Record {
		t.Helper()
		r, ok := recs[s.URL+path]
		if !ok {
			t.Fatalf("no record for %s", path)
		}
		if r.ID == "" || r.CheckedAt.IsZero() {
			t.Errorf("%s: ID or time missing: %+v", path, r)
		}
		return r
	}

	for i := range 10 {
		r := get(fmt.Sprintf("/utf8/%d", i))
		wantCompany := fmt.Sprintf("株式会社サンプル%d", i)
		if i < 5 {
			wantCompany = fmt.Sprintf("リスト会社%d", i)
		}
		if r.Status != StatusOK || r.Encoding != "utf-8" || r.Company != wantCompany ||
			r.Operator != fmt.Sprintf("株式会社サンプル%d", i) || r.FinalURL != r.Source {
			t.Errorf("utf8/%d: %+v", i, summary(r))
		}
		if r.Score < 0.5 || r.Score > 1 || len(r.Rules) == 0 {
			t.Errorf("utf8/%d: score %v over %d rules", i, r.Score, len(r.Rules))
		}
		checkScore(t, r)
	}
	for i := range 3 {
		for _, c := range []struct{ path, op string }{
			{fmt.Sprintf("/sjis-header/%d", i), fmt.Sprintf("株式会社エスジス%d", i)},
			{fmt.Sprintf("/sjis-meta/%d", i), fmt.Sprintf("株式会社メタ%d", i)},
		} {
			if r := get(c.path); r.Status != StatusOK || r.Encoding != "shift_jis" || r.Operator != c.op {
				t.Errorf("%s: %+v", c.path, summary(r))
			}
		}
		if r := get(fmt.Sprintf("/old/%d", i)); r.Status != StatusOK || r.FinalURL != fmt.Sprintf("%s/utf8/%d", s.URL, i) {
			t.Errorf("redirect: %+v", summary(r))
		}
	}
	for _, c := range []struct{ path, op string }{{"/sjis-detect", "株式会社ケンシュツ"}, {"/sjis-wrong-header", "株式会社マチガイ"}, {"/flaky", "株式会社フレーキー"}} {
		if r := get(c.path); r.Status != StatusOK || r.Operator != c.op {
			t.Errorf("%s: %+v", c.path, summary(r))
		}
	}
	if r := get("/chain"); r.FinalURL != s.URL+"/utf8/5" {
		t.Errorf("chain: %+v", summary(r))
	}

	// Site chrome is not evidence: the footer's company must not become
	// the operator, and the missing operator is reported.
	r := get("/no-operator")
	if r.Status != StatusOK || r.Operator != "" || r.Company != "127.0.0.1" || !hasFinding(r, "appi/operator") {
		t.Errorf("no-operator: %+v", summary(r))
	}
	if r := get("/plain.txt"); r.Status != StatusOK || r.Encoding != "utf-8" {
		t.Errorf("plain.txt: %+v", summary(r))
	}

	failures := map[string]string{
		"/js-only":        "no visible text",
		"/huge":           "over the size limit",
		"/private/policy": "disallowed by robots.txt",
		"/to-ftp":         "redirect to a ftp: URL refused",
		"/slow":           "timed out after 300ms",
		"/missing/0":      "HTTP 404 Not Found",
		"/missing/1":      "HTTP 404 Not Found",
	}
	for path, reason := range failures {
		r := get(path)
		if r.Status != StatusError || !strings.Contains(r.Error, reason) || r.Company != "127.0.0.1" || r.Score != 0 {
			t.Errorf("%s: %+v, want error %q", path, summary(r), reason)
		}
	}
	if n := s.hit("/private/policy"); n != 0 {
		t.Errorf("robots.txt Disallow ignored: %d hits", n)
	}

	checkPositions(t, s, get("/utf8/3"), "/utf8/3")
	checkPositions(t, s, get("/sjis-meta/1"), "/sjis-meta/1")

	// A rerun into the same directory starts afresh but uses the cache.
	before := map[string]int{}
	for path := range s.pages {
		before[path] = s.hit(path)
	}
	before["/robots.txt"] = s.hit("/robots.txt")
	missing := s.hit("/missing/0")
	run(t, nil, []string{listFile}, opt)
	if n := len(records(t, out)); n != len(want) {
		t.Errorf("rerun: %d records, want %d", n, len(want))
	}
	for path, n := range before {
		if path == "/js-only" || path == "/huge" || path == "/private/policy" {
			continue // failures are not cached
		}
		if got := s.hit(path); got != n {
			t.Errorf("rerun fetched %s again (%d → %d hits)", path, n, got)
		}
	}
	if s.hit("/missing/0") == missing {
		t.Error("a failed fetch must be retried by a rerun")
	}

	// --resume skips what is done and appends new inputs.
	extra := filepath.Join(dir, "more.csv")
	os.WriteFile(extra, []byte("url,company\n"+s.URL+"/utf8/0?v=2,追加会社\n\""+s.URL+"/utf8/1?v=2\",\"Extra, Inc.\"\n"), 0o644)
	opt.Resume = true
	st = run(t, nil, []string{listFile, extra}, opt)
	if st.Checked != 2 || st.Skipped != len(want) {
		t.Errorf("resume: %+v, want 2 checked and %d skipped", st, len(want))
	}
	recs = records(t, out)
	if len(recs) != len(want)+2 || recs[s.URL+"/utf8/1?v=2"].Company != "Extra, Inc." || recs[s.URL+"/utf8/0?v=2"].Company != "追加会社" {
		t.Errorf("resume: %d records; extra: %+v", len(recs), summary(recs[s.URL+"/utf8/1?v=2"]))
	}
}

// TestPrivateRefused runs without --allow-private-network: the local
// server must not be reached.
func TestPrivateRefused(t *testing.T) {
	s := newSite(t)
	opt := testOptions(t, t.TempDir())
	opt.Fetch.AllowPrivate = false
	run(t, []string{s.URL + "/utf8/0", strings.Replace(s.URL, "127.0.0.1", "localhost", 1) + "/utf8/1"}, nil, opt)
	recs := records(t, opt.Out)
	if len(recs) != 2 {
		t.Fatalf("%d records", len(recs))
	}
	for _, r := range recs {
		if r.Status != StatusError || !strings.Contains(r.Error, "non-public address") || !strings.Contains(r.Error, "--allow-private-network") {
			t.Errorf("%s: %+v", r.Source, summary(r))
		}
	}
	for path := range s.pages {
		if s.hit(path) != 0 {
			t.Errorf("%s reached", path)
		}
	}
	if s.hit("/robots.txt") != 0 {
		t.Error("robots.txt reached")
	}
}

func TestCredentialsNotRecorded(t *testing.T) {
	s := newSite(t)
	opt := testOptions(t, t.TempDir())
	u := strings.Replace(s.URL, "http://", "http://auditor:s3cret@", 1)
	run(t, []string{u + "/utf8/0", u + "/missing/0"}, nil, opt)
	for _, name := range []string{ResultsFile, StateFile} {
		data, _ := os.ReadFile(filepath.Join(opt.Out, name))
		if strings.Contains(string(data), "s3cret") {
			t.Errorf("%s holds the password", name)
		}
	}
	filepath.WalkDir(filepath.Join(opt.Out, CacheDir), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if data, _ := os.ReadFile(p); strings.Contains(string(data), "s3cret") {
				t.Errorf("cache file %s holds the password", p)
			}
		}
		return nil
	})
}

// checkPositions checks that evidence positions are 1-based lines and
// columns of the page as served (decoded), even though the page was cut
// down to its main content.
func checkPositions(t *testing.T, s *site, r Record, path string) {
	t.Helper()
	lines := strings.Split(s.pages[path], "\n")
	checked := 0
	for _, rs := range r.Rules {
		for _, ev := range rs.Evidence {
			if ev.Line < 1 || ev.Line > len(lines) || ev.Column < 1 {
				t.Errorf("%s %s: position %d:%d out of range", path, rs.Rule, ev.Line, ev.Column)
				continue
			}
			line := []rune(lines[ev.Line-1])
			if ev.Column > len(line) {
				t.Errorf("%s %s: column %d beyond line %q", path, rs.Rule, ev.Column, string(line))
				continue
			}
			// Normalisation may change widths, but the first character of
			// Japanese evidence is the same.
			first, _ := utf8.DecodeRuneInString(ev.Text)
			if first >= 0x3000 && line[ev.Column-1] != first {
				t.Errorf("%s %s: %d:%d is %q, evidence %q", path, rs.Rule, ev.Line, ev.Column, string(line[ev.Column-1:]), ev.Text)
			}
			checked++
		}
	}
	if checked < 5 {
		t.Errorf("%s: only %d evidence positions", path, checked)
	}
}

func checkScore(t *testing.T, r Record) {
	t.Helper()
	ok, v := 0, 0
	for _, rs := range r.Rules {
		switch rs.Status {
		case "ok":
			ok++
		case "violation":
			v++
		}
	}
	want := float64(ok) / float64(ok+v)
	if d := r.Score - want; d > 0.001 || d < -0.001 {
		t.Errorf("%s: score %v, want %v", r.Source, r.Score, want)
	}
}

func hasFinding(r Record, rule string) bool {
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Rule, rule) {
			return true
		}
	}
	return false
}

// summary is a record without its long lists, for messages.
func summary(r Record) Record {
	r.Rules, r.Findings = nil, nil
	return r
}

func TestRunCanceled(t *testing.T) {
	s := newSite(t)
	opt := testOptions(t, t.TempDir())
	opt.Fetch.Timeout = 10 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := Run(ctx, []string{s.URL + "/slow"}, nil, opt)
	if err == nil {
		t.Fatal("no error after cancel")
	}
	// The canceled input is not recorded, so --resume does it.
	if n := len(records(t, opt.Out)); n != 0 {
		t.Errorf("%d records after cancel", n)
	}
}
