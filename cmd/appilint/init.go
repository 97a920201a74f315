package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/appilint/appilint/internal/atomicfile"
	"github.com/appilint/appilint/internal/config"
)

func newInitCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a commented default " + config.FileName,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			p := filepath.Join(dir, config.FileName)
			if _, err := os.Stat(p); err == nil && !force {
				return usageErr("%s already exists; use --force to replace it", p)
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return usageErr("%v", err)
			}
			if err := atomicfile.WriteFile(p, []byte(config.Default), 0o644); err != nil {
				return usageErr("%v", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", p)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing file")
	return cmd
}
