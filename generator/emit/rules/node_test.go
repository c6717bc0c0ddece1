package rules

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// parseNode decodes JSON into an ir.Node, keeping object key order and the
// positions of values and keys (file name "test.json").
func parseNode(t testing.TB, data []byte) ir.Node {
	t.Helper()
	p := &nodeParser{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	n, err := p.value()
	if err != nil {
		t.Fatalf("parseNode: %v", err)
	}
	return n
}

type nodeParser struct {
	data []byte
	dec  *json.Decoder
}

// pos returns the position of the next token.
func (p *nodeParser) pos() ir.Pos {
	off := int(p.dec.InputOffset())
	for off < len(p.data) && bytes.IndexByte([]byte(" \t\r\n,:"), p.data[off]) >= 0 {
		off++
	}
	line := 1 + bytes.Count(p.data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(p.data[:off], '\n')
	return ir.Pos{File: "test.json", Line: line, Col: col}
}

func (p *nodeParser) value() (ir.Node, error) {
	pos := p.pos()
	tok, err := p.dec.Token()
	if err != nil {
		return ir.Node{}, err
	}
	return p.fromToken(tok, pos)
}

func (p *nodeParser) fromToken(tok json.Token, pos ir.Pos) (ir.Node, error) {
	switch v := tok.(type) {
	case nil:
		return ir.Node{Kind: ir.NullNode, Pos: pos}, nil
	case bool:
		return ir.Node{Kind: ir.BoolNode, Bool: v, Pos: pos}, nil
	case json.Number:
		return ir.Node{Kind: ir.NumberNode, Str: v.String(), Pos: pos}, nil
	case string:
		return ir.Node{Kind: ir.StringNode, Str: v, Pos: pos}, nil
	case json.Delim:
		n := ir.Node{Pos: pos}
		if v == '[' {
			n.Kind = ir.ArrayNode
			for p.dec.More() {
				item, err := p.value()
				if err != nil {
					return n, err
				}
				n.Items = append(n.Items, item)
			}
		} else {
			n.Kind = ir.ObjectNode
			for p.dec.More() {
				kpos := p.pos()
				k, err := p.dec.Token()
				if err != nil {
					return n, err
				}
				val, err := p.value()
				if err != nil {
					return n, err
				}
				n.Fields = append(n.Fields, ir.Field{Key: k.(string), KeyPos: kpos, Value: val})
			}
		}
		_, err := p.dec.Token() // the closing delimiter
		return n, err
	}
	return ir.Node{}, fmt.Errorf("unexpected token %v", tok)
}

func TestParseNode(t *testing.T) {
	n := parseNode(t, []byte("{\"b\": [1, true, null],\n \"a\": {\"x\": \"y\"}}"))
	if n.Kind != ir.ObjectNode || len(n.Fields) != 2 || n.Fields[0].Key != "b" || n.Fields[1].Key != "a" {
		t.Fatalf("keys out of order: %+v", n)
	}
	b := n.Fields[0].Value
	if len(b.Items) != 3 || b.Items[0].Str != "1" || !b.Items[1].Bool || b.Items[2].Kind != ir.NullNode {
		t.Errorf("array: %+v", b)
	}
	if got := n.Fields[1].KeyPos; got.Line != 2 || got.Col != 2 {
		t.Errorf("key position %v, want line 2 col 2", got)
	}
	if got := n.Fields[1].Value.Pos; got.Line != 2 || got.Col != 7 {
		t.Errorf("value position %v, want line 2 col 7", got)
	}
}
