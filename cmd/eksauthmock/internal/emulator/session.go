package emulator

import "strings"

// maxSessionName is the longest role session name STS accepts
// (AssumeRole's RoleSessionName: 2 to 64 characters of [\w+=,.@-]).
const maxSessionName = 64

// sessionName returns the role session name of a call, in the format the
// EKS Auth API reference gives ("eks-clustername-podname-random UUID"),
// shortened to maxSessionName characters: the UUID, which makes the name
// unique, is always kept whole, and the cluster and pod names share what
// is left, each cut to half of it unless the other needs less. Characters
// STS does not allow in a session name (a pod name comes from the token)
// become "-". Equal arguments give equal names.
func sessionName(cluster, pod, uuid string) string {
	room := max(maxSessionName-len("eks-")-len("-")-len("-")-len(uuid), 0)
	c, p := sessionChars(cluster), sessionChars(pod)
	if len(c)+len(p) > room {
		half := room / 2
		switch {
		case len(c) <= half:
			p = p[:room-len(c)]
		case len(p) <= half:
			c = c[:room-len(p)]
		default:
			c, p = c[:half], p[:room-half]
		}
	}
	return "eks-" + c + "-" + p + "-" + uuid
}

// sessionChars replaces every character STS does not allow in a role
// session name ([\w+=,.@-]) with "-", so that the result is ASCII and can
// be cut at any byte.
func sessionChars(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune("_+=,.@-", r):
			return r
		}
		return '-'
	}, s)
}
