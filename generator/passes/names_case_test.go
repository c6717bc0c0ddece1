package passes

import "testing"

func TestExportedName(t *testing.T) {
	tests := []struct {
		desc, in, want string
	}{
		{"lower camel", "fooBar", "FooBar"},
		{"already exported", "FooBar", "FooBar"},
		{"acronym kept", "ARN", "ARN"},
		{"only first letter changes", "eTag", "ETag"},
		{"underscores kept", "foo_bar", "Foo_bar"},
		{"leading underscore gets X", "_foo", "X_foo"},
		{"leading digit gets X", "2fa", "X2fa"},
		{"empty gets X", "", "X"},
		{"invalid runes become _", "a-b.c", "A_b_c"},
		{"non-ASCII letter upper-cased", "éclair", "Éclair"},
		{"letter without upper case gets X", "名前", "X名前"},
	}
	for _, tt := range tests {
		if got := exportedName(tt.in); got != tt.want {
			t.Errorf("%s: exportedName(%q) = %q, want %q", tt.desc, tt.in, got, tt.want)
		}
	}
}

func TestEnumConstantSuffix(t *testing.T) {
	tests := []struct {
		desc, in, want string
	}{
		{"screaming snake", "CREATE_FAILED", "CreateFailed"},
		{"single word", "ACTIVE", "Active"},
		{"lower", "active", "Active"},
		{"mixed case part kept", "fooBar_BAZ", "FooBarBaz"},
		{"dots and digits", "t2.micro", "T2Micro"},
		{"slash", "application/json", "ApplicationJson"},
		{"leading digit", "1.0", "10"},
		{"spaces and dashes", "us-east-1 zone", "UsEast1Zone"},
		{"only separators", "--", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		if got := enumConstantSuffix(tt.in); got != tt.want {
			t.Errorf("%s: enumConstantSuffix(%q) = %q, want %q", tt.desc, tt.in, got, tt.want)
		}
	}
}

func TestIsSmithyIdentifier(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Foo", true},
		{"_foo9", true},
		{"__a_b", true},
		{"_", false},
		{"9a", false},
		{"a-b", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isSmithyIdentifier(tt.in); got != tt.want {
			t.Errorf("isSmithyIdentifier(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestIsExportedIdent(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Foo", true},
		{"FOO_BAR", true},
		{"foo", false},
		{"_Foo", false},
		{"Foo-Bar", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isExportedIdent(tt.in); got != tt.want {
			t.Errorf("isExportedIdent(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
