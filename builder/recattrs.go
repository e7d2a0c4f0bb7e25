package flow

import "github.com/opentact-go/opentact/verbs"

// recAttrs are the attribute values a record keeps: those of the elements
// kept as records, a third of the size of attrValues. A record is made
// only when every other attribute is unset (compactAttrs), and
// TestRecordAttrsCoverAttrValues keeps the two lists complete.
type recAttrs struct {
	Tag, Code, Lang, DTMFStop, URL string
	Type                           verbs.SayType
	Gender                         verbs.Gender
	Leg                            verbs.Leg
	Loop, DTMFLength               verbs.Opt[int]
	Delay, Length, Timeout         verbs.Opt[verbs.Millis]
	Play                           verbs.Opt[bool]
}

// compactAttrs returns the values of a as a record keeps them, nil when
// no attribute option was given (n is 0); ok is false when a holds a value
// a record does not keep.
func compactAttrs(a *attrValues, n int) (r *recAttrs, ok bool) {
	if n == 0 {
		return nil, true
	}
	if refused(a) {
		return nil, false
	}
	r = new(recAttrs)
	*r = compact(a)
	return r, true
}

// refused reports a value of a that records do not keep.
func refused(a *attrValues) bool {
	return a.ASR.Set || a.Attempts.Set || a.Body.Set || a.County != "" || len(a.Days) > 0 ||
		a.DialRecord != "" || a.DialTimeout.Set || a.FinishOnKey != "" || a.GatherCallback != "" ||
		a.GatherMethod != "" || a.GatherTimeout.Set || len(a.Hz) > 0 || a.Method != "" ||
		a.NumDigits.Set || a.Off.Set || a.On.Set || len(a.States) > 0 || a.Time != "" || a.Volume.Set
}

// compact returns the values of a that records keep.
func compact(a *attrValues) recAttrs {
	return recAttrs{
		Tag: a.Tag, Code: a.Code, Lang: a.Lang, DTMFStop: a.DTMFStop, URL: a.URL,
		Type: a.Type, Gender: a.Gender, Leg: a.Leg,
		Loop: a.Loop, DTMFLength: a.DTMFLength,
		Delay: a.Delay, Length: a.Length, Timeout: a.Timeout,
		Play: a.Play,
	}
}

// expand returns the attribute values r stands for.
func (r *recAttrs) expand() attrValues {
	if r == nil {
		return attrValues{}
	}
	return attrValues{
		Tag: r.Tag, Code: r.Code, Lang: r.Lang, DTMFStop: r.DTMFStop, URL: r.URL,
		Type: r.Type, Gender: r.Gender, Leg: r.Leg,
		Loop: r.Loop, DTMFLength: r.DTMFLength,
		Delay: r.Delay, Length: r.Length, Timeout: r.Timeout,
		Play: r.Play,
	}
}
