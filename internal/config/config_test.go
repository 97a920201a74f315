package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func known(id string) bool { return strings.HasPrefix(id, "appi/") && id != "appi/nope" }

func TestDefaultParses(t *testing.T) {
	c, err := Parse("default.yaml", []byte(Default), known)
	if err != nil {
		t.Fatal(err)
	}
	if c.Lang != "ja" || c.FailOn != "error" || c.MinorsAge != 15 || len(c.Include) != 4 || len(c.Exclude) != 2 {
		t.Errorf("default config read as %+v", c)
	}
}

func TestParseSettings(t *testing.T) {
	src := `lang: en
fail-on: warning
minors-age: 16
as-of: 2026-04-01
rules:
  appi/minors: off
  appi/fee: error
  appi/purposes:
    severity: warning
ignore:
  - path: "legacy/*.txt"
    rules: [appi/stale-revision]
    reason: archived
`
	c, err := Parse("c.yaml", []byte(src), known)
	if err != nil {
		t.Fatal(err)
	}
	if c.Lang != "en" || c.FailOn != "warning" || c.MinorsAge != 16 || c.AsOf.Format("2006-01-02") != "2026-04-01" {
		t.Errorf("scalars: %+v", c)
	}
	if !c.Rules["appi/minors"].Disabled || c.Rules["appi/fee"].Severity != "error" || c.Rules["appi/purposes"].Severity != "warning" {
		t.Errorf("rules: %+v", c.Rules)
	}
	if len(c.Ignores) != 1 || c.Ignores[0].Path != "legacy/*.txt" || c.Ignores[0].Line != 11 {
		t.Errorf("ignores: %+v", c.Ignores)
	}
}

func TestErrorsNameFileAndLine(t *testing.T) {
	cases := []struct{ src, want string }{
		{"lang: ja\ncolour: red\n", `c.yaml:2: unknown setting "colour"`},
		{"lang: fr\n", `c.yaml:1: lang must be ja or en`},
		{"fail-on: sometimes\n", `c.yaml:1: fail-on must be`},
		{"minors-age: old\n", `c.yaml:1: minors-age must be`},
		{"as-of: yesterday\n", `c.yaml:1: as-of must be a date`},
		{"rules:\n  appi/nope: off\n", `c.yaml:2: unknown rule "appi/nope"`},
		{"rules:\n  appi/fee: loud\n", `c.yaml:2: rule appi/fee: want off`},
		{"rules:\n  appi/fee:\n    level: error\n", `c.yaml:3: rule appi/fee: unknown setting "level"`},
		{"ignore:\n  - rules: [appi/fee]\n", `c.yaml:2: ignore entry without a path`},
		{"lang: [\n", `c.yaml:`},
		{"- a\n- b\n", `c.yaml:1: the top level must be a mapping`},
		{"lang: ja\nlang: en\n", `c.yaml:2: "lang" is set twice`},
	}
	for _, c := range cases {
		_, err := Parse("c.yaml", []byte(c.src), known)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Parse(%q) error = %v, want prefix %q", c.src, err, c.want)
		}
	}
}

func TestFindWalksUp(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if Find(sub) != "" && !strings.HasPrefix(Find(sub), root) {
		// a config above the temp dir is possible on a developer machine; only ours matters
		t.Logf("found an unrelated config: %s", Find(sub))
	}
	p := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(p, []byte("lang: en\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(sub); got != p {
		t.Errorf("Find = %q, want %q", got, p)
	}
}

func TestMatch(t *testing.T) {
	cases := []struct {
		glob, path string
		want       bool
	}{
		{"**/*.md", "policy.md", true},
		{"**/*.md", "docs/ja/policy.md", true},
		{"legacy/*.txt", "legacy/old.txt", true},
		{"legacy/*.txt", "legacy/sub/old.txt", false},
		{"vendor/**", "vendor/x/y.html", true},
		{"*.html", "site/index.html", false},
	}
	for _, c := range cases {
		if got := Match(c.glob, c.path); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.glob, c.path, got, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(Default))
	f.Add([]byte("rules:\n  appi/fee: off\n"))
	f.Add([]byte("ignore:\n  - path: a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("f.yaml", data, known)
		if err == nil && c == nil {
			t.Fatal("nil config without error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "f.yaml") {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}
