package rules

import "github.com/appilint/appilint/internal/engine"

var requestRules = []*engine.Rule{}
