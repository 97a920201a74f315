package main

import (
	"github.com/spf13/cobra"

	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/parse"
)

// newDebugCmd shows the document model the rules see; hidden because it is
// for rule authors, not users.
func newDebugCmd() *cobra.Command {
	var tokens bool
	cmd := &cobra.Command{
		Use:    "debug-parse PATH",
		Short:  "Print the parsed structure, sentences and clause flags of a document",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			src, err := load.File(args[0], load.Options{})
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			doc, err := parse.Source(src)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			parse.Dump(cmd.OutOrStdout(), doc, tokens)
			return nil
		},
	}
	cmd.Flags().BoolVar(&tokens, "tokens", false, "also print the tokens of each clause")
	return cmd
}
