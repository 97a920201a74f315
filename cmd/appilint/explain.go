package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/rules"
)

func newExplainCmd() *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain a rule: legal basis, what it checks, examples and what to write",
		Args:  cobra.ExactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var ids []string
			for _, r := range rules.All() {
				ids = append(ids, r.ID)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkLang(lang); err != nil {
				return err
			}
			r := rules.ByID(args[0])
			if r == nil {
				return usageErr("unknown rule %q (see `appilint rules`)", args[0])
			}
			explain(cmd.OutOrStdout(), r, lang)
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "ja", "language: ja or en")
	return cmd
}

// explain prints a rule's declaration for a person at a terminal.
func explain(w io.Writer, r *engine.Rule, lang string) {
	label := func(ja, en string) string {
		if lang == "en" {
			return en
		}
		return ja
	}
	fmt.Fprintf(w, "%s — %s\n", r.ID, r.Title.In(lang))
	fmt.Fprintf(w, "%s: %s    %s: %s\n\n", label("重大度", "Severity"), r.Severity, label("根拠", "Legal basis"), r.Article.In(lang))
	block := func(title, body string) {
		body = strings.TrimSpace(body)
		if body == "" {
			return
		}
		fmt.Fprintf(w, "%s\n  %s\n\n", title, strings.ReplaceAll(body, "\n", "\n  "))
	}
	block(label("内容", "What it checks"), r.Doc.In(lang))
	if r.Conditional {
		block(label("適用条件（トリガー）", "Applies when (trigger)"), r.Trigger.In(lang))
	}
	block(label("適合例", "Compliant example"), r.Good)
	block(label("不適合例", "Non-compliant example"), r.Bad)
	block(label("記載すべき文例", "What to write"), r.Fix.JA)
	if lang == "en" {
		block("Note", r.Fix.EN)
	}
}
