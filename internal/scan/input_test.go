package scan

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// expandArgs collects the inputs of arguments.
func expandArgs(t *testing.T, args []string, out string) []Input {
	t.Helper()
	var got []Input
	x := &expander{ctx: context.Background(), emit: func(in Input) bool { got = append(got, in); return true }}
	if out != "" {
		x.exclude, _ = filepath.Abs(out)
	}
	for _, a := range args {
		x.arg(a)
	}
	return got
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sources(ins []Input) []string {
	var out []string
	for _, in := range ins {
		s := filepath.ToSlash(in.Source)
		if in.Err != "" {
			s += " ! " + in.Err
		}
		out = append(out, s)
	}
	return out
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"a/p1.md", "a/p2.html", "a/img.png", "a/b/p3.txt", "a/b/c/p4.htm", "a/.git/x.md", "a/notes.pdf", "out/report.html", "x.md"} {
		write(t, f, "当社")
	}
	if err := os.Symlink("..", "a/b/up"); err != nil {
		t.Skip("no symlinks:", err)
	}
	os.Symlink("missing-target", "a/dangling.md")

	got := sources(expandArgs(t, []string{"a", "x.md", "nope.md", "https://user:pw@example.com/p", "a/**/*.txt", "a/*.md", "a/**/p4.*", "zz/*.md", "out"}, "out"))
	want := []string{
		// a
		"a/b/c/p4.htm",
		"a/b/p3.txt",
		"a/b/up ! symbolic link loop: leads back to a",
		"a/dangling.md ! broken symbolic link",
		"a/notes.pdf",
		"a/p1.md",
		"a/p2.html",
		"x.md",
		"nope.md ! no such file or directory",
		"https://example.com/p",
		// a/**/*.txt
		"a/b/p3.txt",
		"a/b/up ! symbolic link loop: leads back to a",
		// a/*.md (one level only)
		"a/dangling.md ! broken symbolic link",
		"a/p1.md",
		// a/**/p4.*
		"a/b/c/p4.htm",
		"a/b/up ! symbolic link loop: leads back to a",
		"zz/*.md ! no files match the pattern",
		"out ! is the output directory; not scanned",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMatchSegments(t *testing.T) {
	tests := []struct {
		pat, path string
		want      bool
	}{
		{"**/*.md", "a.md", true},
		{"**/*.md", "x/y/a.md", true},
		{"x/**/a.md", "x/a.md", true},
		{"x/**/a.md", "x/1/2/a.md", true},
		{"x/**/a.md", "y/a.md", false},
		{"*.md", "x/a.md", false},
		{"**", "x/a.md", true},
	}
	for _, tt := range tests {
		if got := matchSegments(strings.Split(tt.pat, "/"), strings.Split(tt.path, "/")); got != tt.want {
			t.Errorf("match(%q, %q) = %v", tt.pat, tt.path, got)
		}
	}
}

func TestURLList(t *testing.T) {
	tests := []struct {
		name, list string
		want       []string // source | company | err
	}{
		{
			name: "plain with names",
			list: "# comment\n\nhttps://a.example.jp/privacy\t株式会社エー\nhttps://b.example.jp/p, Bee Inc.\nhttps://c.example.jp/p  シー商事\nd.example.jp/privacy\nftp://e.example.jp/\n",
			want: []string{
				"https://a.example.jp/privacy|株式会社エー|",
				"https://b.example.jp/p|Bee Inc.|",
				"https://c.example.jp/p|シー商事|",
				"https://d.example.jp/privacy||",
				`ftp://e.example.jp/||URL scheme "ftp" not allowed (only http and https)`,
			},
		},
		{
			name: "csv with header",
			list: "\uFEFF会社名,URL,備考\n\"Foo, Inc.\",https://foo.example.com/,x\nバー株式会社,https://bar.example.com/p?a=1,\n,,\n",
			want: []string{
				"https://foo.example.com/|Foo, Inc.|",
				"https://bar.example.com/p?a=1|バー株式会社|",
				"list.csv:4||no URL in the url column",
			},
		},
		{
			name: "tsv with header",
			list: "url\tcompany\nhttps://t.example.com/\tティー\n",
			want: []string{"https://t.example.com/|ティー|"},
		},
		{
			name: "shift_jis csv",
			list: string(sjis(t, "url,会社名\nhttps://s.example.jp/,エス株式会社\n")),
			want: []string{"https://s.example.jp/|エス株式会社|"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := readURLList("list.csv", strings.NewReader(tt.list), func(in Input) bool {
				got = append(got, in.Source+"|"+in.Company+"|"+in.Err)
				return true
			})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestScanFiles covers the file side: per-file records, the time budget,
// a crash-truncated results.jsonl and --resume.
func TestScanFiles(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	write(t, filepath.Join(in, "a.md"), policy(t, "株式会社エー"))
	write(t, filepath.Join(in, "sub", "b.html"), page(toHTML(policy(t, "株式会社ビー")), "utf-8"))
	write(t, filepath.Join(in, "empty.txt"), "")
	out := filepath.Join(dir, "out")
	opt := testOptions(t, out)

	st := run(t, []string{in, filepath.Join(dir, "missing.md")}, nil, opt)
	recs := records(t, out)
	if st.Checked != 4 || len(recs) != 4 || st.OK != 2 || st.Errors != 2 {
		t.Fatalf("stats %+v, %d records", st, len(recs))
	}
	a := recs[filepath.Join(in, "a.md")]
	b := recs[filepath.Join(in, "sub", "b.html")]
	if a.Company != "株式会社エー" || b.Company != "株式会社ビー" || a.Status != StatusOK || b.Encoding != "utf-8" {
		t.Errorf("a: %+v\nb: %+v", summary(a), summary(b))
	}
	if r := recs[filepath.Join(in, "empty.txt")]; r.Status != StatusError || r.Error != "empty input" || r.Company != "empty" {
		t.Errorf("empty: %+v", summary(r))
	}
	if r := recs[filepath.Join(dir, "missing.md")]; r.Error != "no such file or directory" {
		t.Errorf("missing: %+v", summary(r))
	}

	// A crash left half a line: --resume cuts it and goes on.
	results := filepath.Join(out, ResultsFile)
	f, _ := os.OpenFile(results, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"id":"half`)
	f.Close()
	os.Remove(filepath.Join(out, StateFile)) // results.jsonl alone is enough
	write(t, filepath.Join(in, "c.txt"), policy(t, "株式会社シー"))
	opt.Resume = true
	st = run(t, []string{in, filepath.Join(dir, "missing.md")}, nil, opt)
	if st.Checked != 1 || st.Skipped != 4 {
		t.Errorf("resume: %+v", st)
	}
	if recs := records(t, out); len(recs) != 5 || recs[filepath.Join(in, "c.txt")].Company != "株式会社シー" {
		t.Errorf("resume: %d records", len(recs))
	}
	data, _ := os.ReadFile(filepath.Join(out, StateFile))
	if !strings.Contains(string(data), `"finished":true`) || strings.Count(string(data), ",")+1 < 5 {
		t.Errorf("state.json: %s", data)
	}

	// A document over its time budget is recorded, and the batch goes on.
	opt.Resume = false
	opt.Budget = time.Microsecond
	run(t, []string{filepath.Join(in, "a.md")}, nil, opt)
	if r := records(t, out)[filepath.Join(in, "a.md")]; r.Status != StatusError || r.Error != "time budget exceeded (1µs)" {
		t.Errorf("budget: %+v", summary(r))
	}

	s, err := Summarize(results)
	if err != nil || s.Documents != 1 || s.Errors != 1 || s.Reasons[0].Key != "time budget exceeded (1µs)" {
		t.Errorf("summary %+v, %v", s, err)
	}
}

func TestProgressLine(t *testing.T) {
	var b strings.Builder
	p := &progress{w: &b, start: time.Now().Add(-2 * time.Second)}
	p.total.Store(10)
	p.n.Store(4)
	p.errs.Store(1)
	p.draw()
	if got := b.String(); !strings.Contains(got, "4/10") || !strings.Contains(got, "docs/s") || !strings.Contains(got, "ETA 3s") || !strings.Contains(got, "errors 1") {
		t.Errorf("progress line %q", got)
	}
	var nilp *progress
	nilp.add()
	nilp.done(true)
	nilp.stop() // no-ops without a terminal
}
