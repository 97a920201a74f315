package scan

import (
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/fetch"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/rules"
)

// policy returns testdata/policies/complete.md with the operator renamed.
func policy(t testing.TB, company string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "policies", "complete.md"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(data), "株式会社サンプル商事", company)
}

// toHTML renders a Markdown policy as the body of a typical corporate
// page: one element per line, so a line of the page is a line of the
// policy.
func toHTML(md string) string {
	var b strings.Builder
	for _, line := range strings.Split(md, "\n") {
		switch {
		case strings.HasPrefix(line, "## "):
			fmt.Fprintf(&b, "<h2>%s</h2>\n", html.EscapeString(line[3:]))
		case strings.HasPrefix(line, "# "):
			fmt.Fprintf(&b, "<h1>%s</h1>\n", html.EscapeString(line[2:]))
		case strings.HasPrefix(line, "- "):
			fmt.Fprintf(&b, "<li>%s</li>\n", html.EscapeString(line[2:]))
		case strings.TrimSpace(line) == "":
			b.WriteString("\n")
		default:
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(line))
		}
	}
	return b.String()
}

// page wraps content in site chrome that must not count as evidence.
func page(content, charset string) string {
	meta := ""
	if charset != "" {
		meta = `<meta charset="` + charset + `">`
	}
	return "<!DOCTYPE html>\n<html lang=\"ja\"><head>" + meta + "<title>プライバシーポリシー｜株式会社タイトル</title></head>\n<body>\n" +
		"<header class=\"site-header\"><a href=\"/\">株式会社ヘッダー商事</a></header>\n" +
		"<nav><ul><li><a href=\"/about\">会社概要</a></li><li><a href=\"/recruit\">採用情報</a></li></ul></nav>\n" +
		"<div id=\"cookie-banner\">当サイトはCookieを使用します。<button>同意する</button></div>\n" +
		"<main>\n" + content + "</main>\n" +
		"<footer>Copyright 2024 株式会社フッター商事 東京都港区1-1-1 電話 03-9999-9999</footer>\n</body></html>\n"
}

// testOptions are fast settings for a batch against loopback servers.
func testOptions(t testing.TB, out string) Options {
	fo := fetch.Options{
		Timeout: 300 * time.Millisecond, MaxBytes: 64 << 10, MaxRedirects: 3, Retries: 1,
		Backoff: 5 * time.Millisecond, MaxWait: 50 * time.Millisecond, PerHost: 4, AllowPrivate: true,
	}
	return Options{
		Out: out, Workers: 2, Budget: 30 * time.Second, Load: load.Options{MaxBytes: 64 << 10},
		Fetch: fo, Rules: rules.All(), Engine: engine.DefaultConfig(), Lang: "ja",
	}
}

// records reads results.jsonl keyed by source.
func records(t testing.TB, out string) map[string]Record {
	t.Helper()
	m := map[string]Record{}
	n := 0
	err := Each(filepath.Join(out, ResultsFile), func(r Record) error {
		n++
		if _, dup := m[r.Source]; dup {
			t.Errorf("two records for %s", r.Source)
		}
		m[r.Source] = r
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func run(t testing.TB, args, lists []string, opt Options) Stats {
	t.Helper()
	st, err := Run(context.Background(), args, lists, opt)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return st
}
