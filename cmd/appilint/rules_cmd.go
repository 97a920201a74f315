package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/appilint/appilint/rules"
)

func newRulesCmd() *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules: ID, severity, article and title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkLang(lang); err != nil {
				return err
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tSEVERITY\tARTICLE\tTITLE")
			for _, r := range rules.All() {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Article.In(lang), r.Title.In(lang))
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "ja", "language of titles: ja or en")
	return cmd
}

func checkLang(lang string) error {
	if lang != "ja" && lang != "en" {
		return &exitError{code: exitUsage, err: fmt.Errorf("--lang must be ja or en, not %q", lang)}
	}
	return nil
}
