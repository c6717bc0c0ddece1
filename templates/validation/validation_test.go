package validation

import (
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	smithy "github.com/aws/smithy-go"
)

func TestServerMessages(t *testing.T) {
	tests := []struct {
		name string
		add  func(c *Collector)
		want string
	}{
		{"required", func(c *Collector) { c.Required("String", "string") },
			"1 validation error detected. Value at '/string' failed to satisfy constraint: Member must not be null"},
		{"length between", func(c *Collector) { c.Enter("Blob", "blob"); c.Length(1, "2", "8"); c.Leave() },
			"1 validation error detected. Value with length 1 at '/blob' failed to satisfy constraint: Member must have length between 2 and 8, inclusive"},
		{"length min", func(c *Collector) { c.Enter("MinString", "minString"); c.Length(1, "2", ""); c.Leave() },
			"1 validation error detected. Value with length 1 at '/minString' failed to satisfy constraint: Member must have length greater than or equal to 2"},
		{"length max in list", func(c *Collector) {
			c.Enter("List", "list")
			c.EnterIndex(0)
			c.Length(26, "", "8")
			c.Leave()
			c.Leave()
		}, "1 validation error detected. Value with length 26 at '/list/0' failed to satisfy constraint: Member must have length less than or equal to 8"},
		{"pattern in map", func(c *Collector) {
			c.Enter("Map", "map")
			c.EnterKey("abc")
			c.Pattern("^[a-m]+$")
		}, "1 validation error detected. Value at '/map/abc' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-m]+$"},
		{"range decimal", func(c *Collector) { c.Enter("Float", "float"); c.Range("2.2", "8.8") },
			"1 validation error detected. Value at '/float' failed to satisfy constraint: Member must be between 2.2 and 8.8, inclusive"},
		{"enum", func(c *Collector) { c.Enter("Union", "union"); c.Enter("First", "first"); c.Enum("abc", "def", "jkl") },
			"1 validation error detected. Value at '/union/first' failed to satisfy constraint: Member must satisfy enum value set: [abc, def, jkl]"},
		{"int enum", func(c *Collector) { c.Enter("I", "i"); c.IntEnum(1, 2) },
			"1 validation error detected. Value at '/i' failed to satisfy constraint: Member must satisfy enum value set: [1, 2]"},
		{"unique and escaping", func(c *Collector) { c.Enter("L", "a/b~c"); c.Unique() },
			"1 validation error detected. Value at '/a~1b~0c' failed to satisfy constraint: Member must have unique values"},
		{"two", func(c *Collector) { c.Required("A", "a"); c.Enter("B", "b"); c.Range("", "6") },
			"2 validation errors detected. Value at '/a' failed to satisfy constraint: Member must not be null; Value at '/b' failed to satisfy constraint: Member must be less than or equal to 6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Collector
			tt.add(&c)
			err := c.Err("Input")
			var ve *Error
			if !errors.As(err, &ve) {
				t.Fatalf("Err() = %v, want *Error", err)
			}
			if got := ve.ServerMessage(); got != tt.want {
				t.Errorf("ServerMessage() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestClientPathsAndSmithyError(t *testing.T) {
	var c Collector
	if c.Err("X") != nil {
		t.Fatal("empty collector must give a nil error")
	}
	c.Required("ClusterName", "clusterName")
	c.Enter("Items", "items")
	c.EnterIndex(3)
	c.Enter("Tags", "tags")
	c.EnterKey("env")
	c.Length(0, "1", "")
	err := c.Err("GetInput")
	wantPaths := []string{"ClusterName", `Items[3].Tags["env"]`}
	var ve *Error
	if !errors.As(err, &ve) || len(ve.Violations) != 2 {
		t.Fatalf("got %v", err)
	}
	for i, v := range ve.Violations {
		if v.ClientPath() != wantPaths[i] {
			t.Errorf("violation %d: ClientPath %q, want %q", i, v.ClientPath(), wantPaths[i])
		}
	}
	if got, want := ve.Violations[1].ServerPath(), "/items/3/tags/env"; got != want {
		t.Errorf("ServerPath %q, want %q", got, want)
	}
	wantErr := "2 validation error(s) found.\n- Member must not be null, GetInput.ClusterName.\n" +
		"- Member must have length greater than or equal to 1, GetInput.Items[3].Tags[\"env\"].\n"
	if err.Error() != wantErr {
		t.Errorf("Error() =\n%s\nwant\n%s", err.Error(), wantErr)
	}
	var ipe smithy.InvalidParamsError
	if !errors.As(err, &ipe) {
		t.Fatal("errors.As to smithy.InvalidParamsError failed")
	}
	if ipe.Len() != 2 || ipe.Errs()[0].(smithy.InvalidParamError).Field() != "GetInput.ClusterName" {
		t.Errorf("InvalidParamsError = %v", ipe)
	}
	// Mutating the collector after Err must not change the error.
	c.Leave()
	c.Unique()
	if len(ve.Violations) != 2 || ve.Violations[1].Path[3].Name != "env" {
		t.Error("Err must copy the violations")
	}
}

func TestParamError(t *testing.T) {
	ipe := smithy.InvalidParamsError{Context: "In"}
	nested := smithy.InvalidParamsError{Context: "Thing"}
	nested.Add(NewErrParamMinLen("Name", 1))
	ipe.AddNested("Things[2]", nested)
	ipe.Add(NewErrParamMinLen("Label", 1))
	got := ipe.Error()
	want := "2 validation error(s) found.\n- minimum field size of 1, In.Things[2].Name.\n- minimum field size of 1, In.Label.\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestChecks(t *testing.T) {
	if StringLength("\U0001F44D") != 1 || StringLength("abc") != 3 {
		t.Error("StringLength must count code points")
	}
	if !Unique([]string{"a", "b"}) || Unique([]int32{1, 2, 1}) {
		t.Error("Unique")
	}
	t0 := time.Unix(1398796238, 0)
	if UniqueTimes([]time.Time{t0, t0.In(time.FixedZone("x", 3600))}) || !UniqueTimes([]time.Time{t0, t0.Add(1)}) {
		t.Error("UniqueTimes")
	}
	a, b := "x", "x"
	if UniqueDeep([]*string{&a, &b}) || !UniqueDeep([][]byte{[]byte("a"), []byte("b")}) {
		t.Error("UniqueDeep")
	}
	tests := []struct {
		v        string
		min, max string
		want     bool
	}{
		{"2", "2", "8", true}, {"1", "2", "8", false}, {"9", "2", "8", false},
		{"2.19", "2.2", "", false}, {"8.8", "", "8.8", true}, {"100", "", "", true},
	}
	for _, tt := range tests {
		f, _ := new(big.Float).SetString(tt.v)
		if got := InRangeBigFloat(f, tt.min, tt.max); got != tt.want {
			t.Errorf("InRangeBigFloat(%s, %q, %q) = %v", tt.v, tt.min, tt.max, got)
		}
		if i, ok := new(big.Int).SetString(tt.v, 10); ok {
			if got := InRangeBigInt(i, tt.min, tt.max); got != tt.want {
				t.Errorf("InRangeBigInt(%s, %q, %q) = %v", tt.v, tt.min, tt.max, got)
			}
		}
	}
	if InRangeBigFloat(new(big.Float).SetInf(false), "", "5") || !InRangeBigFloat(new(big.Float).SetInf(true), "", "5") {
		t.Error("infinities")
	}
	if !strings.Contains(Length.String(), "length") {
		t.Error("Constraint.String")
	}
}
