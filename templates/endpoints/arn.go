package endpoints

import "strings"

// ARN is the result of aws.parseArn.
type ARN struct {
	Partition  string
	Service    string
	Region     string
	AccountID  string
	ResourceID []string // the resource part split at every ':' and '/'
}

// ParseARN implements aws.parseArn: nil unless input is
// "arn:partition:service:region:account-id:resource" with a non-empty
// partition, service and resource (region and account may be empty).
func ParseARN(input string) *ARN {
	rest, ok := strings.CutPrefix(input, "arn:")
	if !ok {
		return nil
	}
	parts := strings.SplitN(rest, ":", 5)
	if len(parts) != 5 || parts[0] == "" || parts[1] == "" || parts[4] == "" {
		return nil
	}
	return &ARN{
		Partition:  parts[0],
		Service:    parts[1],
		Region:     parts[2],
		AccountID:  parts[3],
		ResourceID: splitAny(parts[4], ":/"),
	}
}

// splitAny splits s at every byte of seps, keeping empty fields.
func splitAny(s, seps string) []string {
	var out []string
	for {
		i := strings.IndexAny(s, seps)
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+1:]
	}
}
