package rules

import "github.com/appilint/appilint/internal/engine"

var foreignRules = []*engine.Rule{}
