package rules

import "github.com/appilint/appilint/internal/engine"

var provisionRules = []*engine.Rule{}
