package ir

import "fmt"

// Pos is a position in a model source file. The zero Pos means "unknown".
type Pos struct {
	File string // the model's file name as given to Generate (never made absolute)
	Line int    // 1-based line; 0 when unknown
	Col  int    // 1-based column in bytes; 0 when unknown
}

// IsValid reports whether p names a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats p as file:line:col, or just the file when the line is unknown.
func (p Pos) String() string {
	if !p.IsValid() {
		if p.File == "" {
			return "-"
		}
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is a problem found in a model: where, which shape, what.
type Error struct {
	Pos   Pos
	Shape ShapeID // the shape or member ID concerned; may be empty
	Msg   string  // what was expected and what was found
}

// Error formats e as "file:line:col: shapeID: msg".
func (e *Error) Error() string {
	if e.Shape == "" {
		return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", e.Pos, e.Shape, e.Msg)
}

// Errorf returns an *Error at pos about shape.
func Errorf(pos Pos, shape ShapeID, format string, args ...any) *Error {
	return &Error{Pos: pos, Shape: shape, Msg: fmt.Sprintf(format, args...)}
}
