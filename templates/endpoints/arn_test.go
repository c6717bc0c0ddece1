package endpoints

import (
	"reflect"
	"testing"
)

func TestParseARN(t *testing.T) {
	tests := []struct {
		in   string
		want *ARN
	}{
		{"arn:aws:s3:us-east-2:012345678:outpost:op-1234", &ARN{"aws", "s3", "us-east-2", "012345678", []string{"outpost", "op-1234"}}},
		{"arn:aws:s3:us-east-2:012345678:outpost::", &ARN{"aws", "s3", "us-east-2", "012345678", []string{"outpost", "", ""}}},
		{"arn:aws:iam::123:role/a/b", &ARN{"aws", "iam", "", "123", []string{"role", "a", "b"}}},
		{"arn:aws:s3:us-east-1::resource-id", &ARN{"aws", "s3", "us-east-1", "", []string{"resource-id"}}},
		{"arn:aws:s3:r:a:x:y:z", &ARN{"aws", "s3", "r", "a", []string{"x", "y", "z"}}},
		{"asdf", nil},
		{"arn:aws:s3:us-west-2:123456789012:", nil},
		{"arn:aws::us-west-2:123456789012:resource-id", nil},
		{"arn::s3:us-west-2:123456789012:resource-id", nil},
		{"arn:aws:s3:us-west-2", nil},
		{"ARN:aws:s3:r:a:x", nil},
	}
	for _, tt := range tests {
		if got := ParseARN(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseARN(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}
