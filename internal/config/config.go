// Package config reads .appilint.yaml: which rules run and at what
// severity, the minors age line, language, fail-on level, include/exclude
// globs, per-file ignores and the as-of date. Every error names the file
// and the line.
package config

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// FileName is the configuration file appilint looks for.
const FileName = ".appilint.yaml"

// RuleSetting is a rule's configured state.
type RuleSetting struct {
	Disabled bool
	Severity string // "" = the rule's own; else error, warning or info
}

// Ignore drops some rules' findings for files matching a glob (plain text
// files cannot carry suppression comments).
type Ignore struct {
	Path   string
	Rules  []string // empty = every rule
	Reason string
	Line   int // line in the config file, for reports of unused ignores
}

// Config is the parsed file. Zero values mean "not set".
type Config struct {
	Path      string // the file it came from ("" when none)
	Lang      string
	FailOn    string
	MinorsAge int
	AsOf      time.Time
	Include   []string
	Exclude   []string
	Rules     map[string]RuleSetting
	Ignores   []Ignore
}

// Error is a problem in a config file, with its line.
type Error struct {
	Path    string
	Line    int
	Problem string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Problem)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Problem)
}

// Find looks for .appilint.yaml in dir and its parents; "" when there is none.
func Find(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for d := abs; ; d = filepath.Dir(d) {
		p := filepath.Join(d, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Load reads and validates a config file. knownRule says whether a rule ID exists.
func Load(p string, knownRule func(string) bool) (*Config, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, &Error{Path: p, Problem: strings.TrimPrefix(err.Error(), "open "+p+": ")}
	}
	return Parse(p, data, knownRule)
}

// Parse validates config text; p names it in errors.
func Parse(p string, data []byte, knownRule func(string) bool) (*Config, error) {
	c := &Config{Path: p, Rules: map[string]RuleSetting{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &Error{Path: p, Line: yamlErrorLine(err), Problem: "not valid YAML: " + yamlErrorText(err)}
	}
	if len(doc.Content) == 0 {
		return c, nil // an empty file is a valid, empty config
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &Error{Path: p, Line: root.Line, Problem: "the top level must be a mapping of settings"}
	}
	bad := func(n *yaml.Node, format string, args ...any) error {
		return &Error{Path: p, Line: n.Line, Problem: fmt.Sprintf(format, args...)}
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if seen[k.Value] {
			return nil, bad(k, "%q is set twice", k.Value)
		}
		seen[k.Value] = true
		if v.Tag == "!!null" && (k.Value == "rules" || k.Value == "ignore" || k.Value == "include" || k.Value == "exclude") {
			continue // a key left with only commented-out entries
		}
		switch k.Value {
		case "lang":
			if v.Value != "ja" && v.Value != "en" {
				return nil, bad(v, "lang must be ja or en, not %q", v.Value)
			}
			c.Lang = v.Value
		case "fail-on":
			switch v.Value {
			case "error", "warning", "info", "none":
				c.FailOn = v.Value
			default:
				return nil, bad(v, "fail-on must be error, warning, info or none, not %q", v.Value)
			}
		case "minors-age":
			var n int
			if v.Kind != yaml.ScalarNode || v.Decode(&n) != nil || n < 1 || n > 25 {
				return nil, bad(v, "minors-age must be a whole number of years from 1 to 25, not %q", v.Value)
			}
			c.MinorsAge = n
		case "as-of":
			t, err := time.Parse("2006-01-02", v.Value)
			if err != nil {
				return nil, bad(v, "as-of must be a date like 2026-04-01, not %q", v.Value)
			}
			c.AsOf = t
		case "include", "exclude":
			globs, err := stringList(v)
			if err != nil {
				return nil, bad(v, "%s: %v", k.Value, err)
			}
			for _, g := range globs {
				if _, err := path.Match(g, ""); err != nil {
					return nil, bad(v, "%s: bad glob %q", k.Value, g)
				}
			}
			if k.Value == "include" {
				c.Include = globs
			} else {
				c.Exclude = globs
			}
		case "rules":
			if err := parseRules(c, v, knownRule, bad); err != nil {
				return nil, err
			}
		case "ignore":
			if err := parseIgnores(c, v, knownRule, bad); err != nil {
				return nil, err
			}
		default:
			return nil, bad(k, "unknown setting %q (known: lang, fail-on, minors-age, as-of, include, exclude, rules, ignore)", k.Value)
		}
	}
	return c, nil
}

type badFunc func(n *yaml.Node, format string, args ...any) error

func parseRules(c *Config, v *yaml.Node, knownRule func(string) bool, bad badFunc) error {
	if v.Kind != yaml.MappingNode {
		return bad(v, "rules must be a mapping of rule ID to off, on, error, warning or info")
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		id, val := v.Content[i], v.Content[i+1]
		if !knownRule(id.Value) {
			return bad(id, "unknown rule %q (see `appilint rules`)", id.Value)
		}
		var s RuleSetting
		switch val.Kind {
		case yaml.ScalarNode:
			switch val.Value {
			case "off", "false", "disable", "disabled":
				s.Disabled = true
			case "on", "true", "enable", "enabled":
			case "error", "warning", "info":
				s.Severity = val.Value
			default:
				return bad(val, "rule %s: want off, on, error, warning or info, not %q", id.Value, val.Value)
			}
		case yaml.MappingNode:
			for j := 0; j+1 < len(val.Content); j += 2 {
				kk, vv := val.Content[j], val.Content[j+1]
				switch kk.Value {
				case "severity":
					if vv.Value != "error" && vv.Value != "warning" && vv.Value != "info" {
						return bad(vv, "rule %s: severity must be error, warning or info, not %q", id.Value, vv.Value)
					}
					s.Severity = vv.Value
				case "enabled":
					var on bool
					if vv.Decode(&on) != nil {
						return bad(vv, "rule %s: enabled must be true or false", id.Value)
					}
					s.Disabled = !on
				default:
					return bad(kk, "rule %s: unknown setting %q (known: severity, enabled)", id.Value, kk.Value)
				}
			}
		default:
			return bad(val, "rule %s: want off, on, a severity, or a mapping", id.Value)
		}
		c.Rules[id.Value] = s
	}
	return nil
}

func parseIgnores(c *Config, v *yaml.Node, knownRule func(string) bool, bad badFunc) error {
	if v.Kind != yaml.SequenceNode {
		return bad(v, "ignore must be a list of {path, rules, reason}")
	}
	for _, item := range v.Content {
		if item.Kind != yaml.MappingNode {
			return bad(item, "each ignore entry must be a mapping with path, rules and reason")
		}
		ig := Ignore{Line: item.Line}
		for j := 0; j+1 < len(item.Content); j += 2 {
			kk, vv := item.Content[j], item.Content[j+1]
			switch kk.Value {
			case "path":
				if _, err := path.Match(vv.Value, ""); err != nil || vv.Value == "" {
					return bad(vv, "ignore: bad path glob %q", vv.Value)
				}
				ig.Path = vv.Value
			case "rules":
				ids, err := stringList(vv)
				if err != nil {
					return bad(vv, "ignore rules: %v", err)
				}
				for _, id := range ids {
					if !knownRule(id) {
						return bad(vv, "ignore: unknown rule %q", id)
					}
				}
				ig.Rules = ids
			case "reason":
				ig.Reason = vv.Value
			default:
				return bad(kk, "ignore: unknown setting %q (known: path, rules, reason)", kk.Value)
			}
		}
		if ig.Path == "" {
			return bad(item, "ignore entry without a path")
		}
		c.Ignores = append(c.Ignores, ig)
	}
	return nil
}

func stringList(n *yaml.Node) ([]string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return []string{n.Value}, nil
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, errors.New("want a list of strings")
			}
			out = append(out, c.Value)
		}
		return out, nil
	}
	return nil, errors.New("want a string or a list of strings")
}

// yamlErrorLine extracts "line N" from a yaml error message.
func yamlErrorLine(err error) int {
	var n int
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i+5:], "%d", &n)
	}
	return n
}

func yamlErrorText(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "line ") {
		return msg[i+2:]
	}
	return msg
}

// Match reports whether a slash-separated path matches a glob, where **
// matches any number of directories.
func Match(glob, p string) bool {
	p = filepath.ToSlash(p)
	return matchParts(strings.Split(glob, "/"), strings.Split(p, "/"))
}

func matchParts(g, p []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for i := 0; i <= len(p); i++ {
				if matchParts(g[1:], p[i:]) {
					return true
				}
			}
			return false
		}
		if len(p) == 0 {
			return false
		}
		if ok, _ := path.Match(g[0], p[0]); !ok {
			return false
		}
		g, p = g[1:], p[1:]
	}
	return len(p) == 0
}

// Default is the commented file `appilint init` writes.
const Default = `# appilint configuration (https://github.com/appilint/appilint)
# Found from the checked file's directory upwards, or given with --config.

# Message language: ja or en.
lang: ja

# Exit with 1 when a finding is at or above this severity: error, warning, info or none.
fail-on: error

# Age line for appi/minors (PPC Q&A 1-62; a future amendment may raise it).
minors-age: 15

# Date that date-dependent rules compare against (default: today).
# as-of: 2026-04-01

# Files checked when a directory is given (globs; ** matches any directories).
include:
  - "**/*.md"
  - "**/*.txt"
  - "**/*.html"
  - "**/*.htm"
exclude:
  - "node_modules/**"
  - "vendor/**"

# Per-rule settings: off, on, or a severity (error, warning, info).
rules:
  # appi/minors: off
  # appi/fee: error

# Ignore some rules for some files (for plain text, which cannot carry
# <!-- appilint-disable --> comments). Say why.
ignore:
  # - path: "legacy/*.txt"
  #   rules: [appi/stale-revision]
  #   reason: archived version, kept for the record
`
