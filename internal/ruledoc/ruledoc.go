// Package ruledoc renders rule declarations as Markdown documentation, so
// that docs/rules/ is generated from the same values the engine runs.
package ruledoc

import (
	"fmt"
	"strings"

	"github.com/appilint/appilint/internal/engine"
)

// FileName is the docs file of a rule: appi/fee → appi-fee.md.
func FileName(id string) string {
	return strings.ReplaceAll(id, "/", "-") + ".md"
}

// Markdown renders one rule's page, Japanese first, then English.
func Markdown(r *engine.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- Generated from the rule declaration in rules/. Do not edit: run `go test ./rules -run TestRuleDocs -update`. -->\n\n")
	fmt.Fprintf(&b, "# `%s` — %s\n\n", r.ID, r.Title.JA)
	fmt.Fprintf(&b, "| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| 重大度 / Severity | %s |\n", r.Severity)
	fmt.Fprintf(&b, "| 根拠 / Legal basis | %s / %s |\n", r.Article.JA, r.Article.EN)
	cond := "いいえ / no"
	if r.Conditional {
		cond = "はい / yes"
	}
	fmt.Fprintf(&b, "| 条件付き / Conditional | %s |\n\n", cond)
	section := func(title, body string) {
		if strings.TrimSpace(body) != "" {
			fmt.Fprintf(&b, "### %s\n\n%s\n\n", title, strings.TrimSpace(body))
		}
	}
	fmt.Fprintf(&b, "## 日本語\n\n")
	section("内容", r.Doc.JA)
	if r.Conditional {
		section("適用条件（トリガー）", r.Trigger.JA)
	}
	section("指摘メッセージ", r.Missing.JA)
	section("追加する文例", quote(r.Fix.JA))
	section("適合例", quote(r.Good))
	section("不適合例", quote(r.Bad))
	fmt.Fprintf(&b, "## English\n\n**%s**\n\n", r.Title.EN)
	section("What it checks", r.Doc.EN)
	if r.Conditional {
		section("Trigger", r.Trigger.EN)
	}
	section("Message", r.Missing.EN)
	section("How to fix", r.Fix.EN)
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// Index renders docs/rules/README.md: one row per rule.
func Index(rules []*engine.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- Generated from the rule declarations in rules/. Do not edit: run `go test ./rules -run TestRuleDocs -update`. -->\n\n")
	fmt.Fprintf(&b, "# Rules / ルール一覧\n\n%d rules. IDs follow the requirement catalog and never change.\n\n", len(rules))
	fmt.Fprintf(&b, "| ID | Severity | 根拠 | タイトル | Title |\n|---|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [`%s`](%s) | %s | %s | %s | %s |\n", r.ID, FileName(r.ID), r.Severity, r.Article.JA, r.Title.JA, r.Title.EN)
	}
	return b.String()
}

func quote(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	return "> " + strings.ReplaceAll(s, "\n", "\n> ")
}
