package ir

import (
	"cmp"
	"errors"
	"slices"
)

// ErrorList collects model errors so that all of them are reported at once.
type ErrorList []*Error

// Add appends e to the list.
func (l *ErrorList) Add(e *Error) { *l = append(*l, e) }

// Addf appends a new *Error to the list.
func (l *ErrorList) Addf(pos Pos, shape ShapeID, format string, args ...any) {
	l.Add(Errorf(pos, shape, format, args...))
}

// Err returns nil for an empty list, else the errors sorted by file, line,
// column, shape and message (duplicates dropped), joined with errors.Join.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	sorted := slices.Clone(l)
	slices.SortStableFunc(sorted, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Shape, b.Shape),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	sorted = slices.CompactFunc(sorted, func(a, b *Error) bool { return *a == *b })
	errs := make([]error, len(sorted))
	for i, e := range sorted {
		errs[i] = e
	}
	return errors.Join(errs...)
}
