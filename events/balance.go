package events

// Balance is the content of a balance-changed event. Opentact's page
// "Account events" documents the event as
//
//	{"timestamp":…,"message":"New balance is 873.0604","type":"balance","source_action":"voice_charge_in","payload":873.0604}
//
// with the bare new balance as payload; object payloads (payload.balance,
// payload.account) are accepted too. Fields that are absent stay zero.
type Balance struct {
	Balance *float64 // the new balance
	// SourceAction names what changed the balance, such as
	// "voice_charge_in" or "call_asr"; "" when absent.
	SourceAction string
	Account      *Account
}

func (*Balance) isDetail() {}

// decodeBalance builds the content of a balance-changed event: the balance is
// a numeric payload, else payload.balance, else the account's; the account is payload.account, else
// the top-level account, else the payload itself when it looks like one.
func decodeBalance(env *envelope) (*Balance, entity) {
	p := env.payload
	b := &Balance{Account: decodeAccount(p.obj("account")), SourceAction: env.top.str("source_action")}
	if !env.hasPayload {
		if _, ok := env.top.lookup("payload"); ok {
			b.Balance = env.top.float("payload") // the documented bare balance
		}
	}
	if b.Account == nil {
		b.Account = env.topAccount
	}
	if b.Account == nil && p.isString("uuid") && p.has("balance") {
		b.Account = decodeAccount(p, true)
		b.Balance = b.Account.Balance
	} else if b.Balance == nil {
		b.Balance = p.float("balance")
	}
	if b.Balance == nil && b.Account != nil {
		b.Balance = b.Account.Balance
	}
	return b, payloadEntity(env)
}
