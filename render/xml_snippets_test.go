package render

import (
	"fmt"
	"strings"
)

// hostileSnippets generates small documents at the edges of XML 1.0
// well-formedness: every byte value in every place a character can stand,
// character references around the Char production, broken and overlong
// UTF-8, declarations, tags, attributes, comments, CDATA sections, byte
// order marks and the document level. Most are not well formed.
func hostileSnippets() []string {
	var out []string
	add := func(docs ...string) { out = append(out, docs...) }

	// Every byte in text, an attribute value, a comment, a CDATA section,
	// a name, between attributes and in the declaration.
	places := []string{
		"<Response><Say>a%sb</Say></Response>",
		`<Response><Say tag="a%sb">x</Say></Response>`,
		"<Response><!-- a%sb --></Response>",
		"<Response><Say><![CDATA[a%sb]]></Say></Response>",
		"<Response><S%sy/></Response>",
		`<Response><Say a="1"%sb="2"/></Response>`,
		`<?xml version="1.0"%s?><Response/>`,
		"<Response/>%s",
		"%s<Response/>",
	}
	for _, place := range places {
		for b := 0; b < 256; b++ {
			add(fmt.Sprintf(place, string([]byte{byte(b)})))
		}
	}

	// UTF-8 sequences: valid, overlong, surrogates, non-characters, beyond
	// U+10FFFF, truncated, and stray continuation bytes.
	seqs := []string{
		"é", "\u0085", "\u2028", "\uFEFF", "\uFFFD", "\U0001F600", "\U0010FFFF",
		"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf",
		"\xed\xa0\x80", "\xed\xbf\xbf", "\xed\xa0\x80\xed\xb0\x80", "\xef\xbf\xbe", "\xef\xbf\xbf",
		"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\xc3", "\xe2\x82", "\xf0\x9f\x98",
		"\x80", "\xbf", "\xfe", "\xff",
	}
	for _, place := range places {
		for _, seq := range seqs {
			add(fmt.Sprintf(place, seq))
		}
	}

	// Character references around the Char production, in text and in an
	// attribute value.
	refs := []string{
		"&#0;", "&#1;", "&#8;", "&#9;", "&#10;", "&#13;", "&#31;", "&#32;", "&#x7F;", "&#x85;",
		"&#xD7FF;", "&#xD800;", "&#xDBFF;", "&#xDC00;", "&#xDFFF;", "&#xE000;", "&#xFFFD;", "&#xFFFE;",
		"&#xFFFF;", "&#x10000;", "&#x10FFFF;", "&#x110000;", "&#55296;", "&#57343;", "&#65534;",
		"&#1114111;", "&#1114112;", "&#99999999999999999999;", "&#x0000041;", "&#X41;", "&#x;", "&#;",
		"&#41", "&#x41", "&#-1;", "&#+1;", "&# 65;", "&#6 5;", "&#xG;", "&#x4g;",
		"&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&AMP;", "&nbsp;", "&amp", "&", "& ", "&;",
		"&a b;", "&1;", "&é;", "&#x26;#38;", "&#38;#38;",
	}
	for _, ref := range refs {
		add(fmt.Sprintf("<Response><Say>a%sb</Say></Response>", ref),
			fmt.Sprintf(`<Response><Say tag="%s">x</Say></Response>`, ref))
	}

	// The XML declaration.
	for _, d := range []string{
		`<?xml version="1.0"?>`, `<?xml version='1.0'?>`, `<?xml version="1.0" encoding="UTF-8"?>`,
		`<?xml version="1.0" encoding="utf-8" standalone="yes"?>`, `<?xml version="1.0" standalone="no"?>`,
		`<?xml version="1.0" standalone="maybe"?>`, `<?xml version="1.0" encoding="UTF-8" ?>`,
		`<?xml version = "1.0" encoding = 'UTF-8'?>`, `<?xml version="1.0"encoding="UTF-8"?>`,
		`<?xml encoding="UTF-8"?>`, `<?xml?>`, `<?xml ?>`, `<?xml version="1.0" encoding="UTF-8" version="1.0"?>`,
		`<?xml encoding="UTF-8" version="1.0"?>`, `<?xml version="1.0" standalone="yes" encoding="UTF-8"?>`,
		`<?xml version="1.0" foo="bar"?>`, `<?xml version="1.0" garbage?>`, `<?xml version="1.0" encoding=""?>`,
		`<?xml version="1.0" encoding="8UTF"?>`, `<?xml version="1.0" encoding="UTF 8"?>`,
		`<?xml version="1.0" encoding="UTF-8'?>`, `<?xml version="1.0?>`, `<?xml version=1.0?>`,
		`<?xml version="2.0"?>`, `<?xml version="1."?>`, `<?xml version="1.0a"?>`, `<?xml version=""?>`,
		`<?xml version="1.0" encoding="UTF-8"`, `<?xml version="1.0" encoding="UTF-8">`,
		`<?xml version="1.0" encoding="ISO-8859-1"?>`, `<?xml version="1.0" encoding="UTF-16"?>`,
		`<?xml version="1.1"?>`, `<?XML version="1.0"?>`, `<?Xml version="1.0"?>`, `<?xml-stylesheet href="a"?>`,
		`<?xmlfoo?>`, ` <?xml version="1.0"?>`, "\n<?xml version=\"1.0\"?>", `<?xml version="1.0"?><?xml version="1.0"?>`,
		"<?xml\tversion=\"1.0\"\r\nencoding=\"UTF-8\"?>", `<?xml version="1.0" é?>`, "<?xml version=\"1.0\" \xff?>",
		"<?xml version=\"1.0\" encoding=\"UTF-8\xff\"?>", "<?xml version=\"1.0\"\x00?>",
	} {
		add(d+"<Response/>", d+"\n<Response/>")
	}

	// Byte-order marks and UTF-16.
	utf16 := func(s string, big bool) string {
		var b strings.Builder
		for _, r := range s {
			if big {
				b.WriteByte(0)
				b.WriteByte(byte(r))
			} else {
				b.WriteByte(byte(r))
				b.WriteByte(0)
			}
		}
		return b.String()
	}
	add("\uFEFF<Response/>", "\uFEFF\uFEFF<Response/>", "\uFEFF", "\uFEFF"+`<?xml version="1.0"?><Response/>`,
		"\xef\xbb<Response/>", "\xfe\xff"+utf16("<Response/>", true), "\xff\xfe"+utf16("<Response/>", false),
		utf16("<Response/>", true), utf16("<Response/>", false), utf16(`<?xml version="1.0"?><Response/>`, false))

	// Tags and attributes.
	add("<Response></Response>", "<Response ></Response >", "< Response/>", "<Response/ >",
		"<Response></ Response>", "<Response></Response", "<Response>", "<Response/></Response>",
		"</Response>", "<Response><Say></Response></Say>", "<Response><Say>", "<Response><1a/></Response>",
		"<Response><-a/></Response>", "<Response><.a/></Response>", "<Response><a-b.c_d:e/></Response>",
		"<Response><:a/></Response>", "<Response><a:/></Response>", "<Response><a::b/></Response>",
		"<Response><é/></Response>", "<Response><a·b/></Response>", "<Response><·a/></Response>",
		"<Response><_/></Response>", "<Response><A\u0300/></Response>", "<Response><\u0300/></Response>",
		`<Response a="1"/>`, `<Response a="1" a="1"/>`, `<Response a="1" b="2" a="3"/>`,
		`<Response a='1"' b="2'"/>`, `<Response a="1'/>`, `<Response a=1/>`, `<Response a/>`,
		`<Response a=/>`, `<Response a = "1" />`, "<Response a=\"1\"\n\tb=\"2\"/>", `<Response a="<"/>`,
		`<Response a=">"/>`, `<Response a="&"/>`, `<Response a="a"b="2"/>`, `<Response a="a"/b="2"/>`,
		`<Response ="1"/>`, `<Response 1="1"/>`, "<Response a=\"\r\n\"/>", `<Response a="1"`, `<Response a="1`,
		"<Response xmlns=\"urn:x\" xmlns:p=\"urn:y\"><p:Say/></Response>", `<Response xml:lang="en"/>`,
		`<Response><p:Say xmlns:p="u"/></Response>`)
	many := func(n int, dup bool) string {
		var b strings.Builder
		b.WriteString("<Response><Foo")
		for i := range n {
			fmt.Fprintf(&b, ` a%d="%d"`, i, i)
		}
		if dup {
			b.WriteString(` a3="x"`)
		}
		b.WriteString("/></Response>")
		return b.String()
	}
	add(many(7, false), many(8, false), many(9, false), many(50, false), many(7, true), many(8, true), many(50, true))

	// Text, comments, CDATA sections, processing instructions and DTDs.
	add("<Response>]]></Response>", "<Response>]]</Response>", "<Response>]></Response>", "<Response>]]]></Response>",
		"<Response>a]]>b</Response>", "<Response>]]&gt;</Response>", "<Response><![CDATA[]]></Response>",
		"<Response><![CDATA[]]]]><![CDATA[>]]></Response>", "<Response><![CDATA[a</Response>",
		"<Response><![cdata[a]]></Response>", "<![CDATA[x]]><Response/>", "<Response/><![CDATA[]]>",
		"<Response><!----></Response>", "<Response><!---></Response>", "<Response><!-- - --></Response>",
		"<Response><!-- a--></Response>", "<Response><!--a---></Response>", "<Response><!-- -- --></Response>",
		"<Response><!-- a</Response>", "<Response><! -- a --></Response>", "<Response><!-></Response>",
		"<Response><!foo></Response>", "<!-- a --><Response/><!-- b -->", "<Response/>\n\n",
		"<Response/>x", "x<Response/>", " <Response/> ", "<Response/><Response/>", "", " ", "\n",
		"<!-- only a comment -->", "<Response><?pi x?></Response>", "<Response><?pi?></Response>",
		"<Response><?pix?></Response>", "<Response><? pi?></Response>", "<Response><?pi x</Response>",
		"<?pi x?><Response/>", "<Response/><?pi x?>", "<!DOCTYPE Response><Response/>",
		"<!DOCTYPE Response [<!ENTITY e \"x\">]><Response>&e;</Response>", "<Response/><!DOCTYPE Response>",
		"<!DOCTYPE Response><!DOCTYPE Response><Response/>", "<!DOCTYPE Response [<!ELEMENT Response ANY>]><Response/>",
		"<!DOCTYPE Response [<!-- ] > ' -->]><Response/>", "<!DOCTYPE Response [<?pi ]>?>]><Response/>",
		"<!DOCTYPE Response [<!ENTITY e \"]>\"><!-- \" --><?pi '?>]><Response/>",
		"<!DOCTYPE Response [<!-- ]> --><Response/>", "<!DOCTYPE Response [<?pi ]>",
		"<Response><!DOCTYPE x></Response>", "<!DOCTYPE", "<", "<Response><</Response>", "<Response>&</Response>",
		"<Response>a > b</Response>", "<Response>\r\n\r</Response>", "<Response>\t</Response>")
	deep := func(n int) string {
		return strings.Repeat("<Geo>", n) + strings.Repeat("</Geo>", n)
	}
	add(deep(100), "<Response>"+deep(100)+"</Response>", "<Response>"+deep(100)[:600]+"</Response>")
	return out
}
