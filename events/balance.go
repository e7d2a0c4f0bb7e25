package events

// Balance is the content of a balance-changed event. Its layout is not
// documented by Opentact; fields that are absent stay nil.
type Balance struct {
	Balance *float64 // the new balance
	Account *Account
}

func (*Balance) isDetail() {}

// decodeBalance builds the content of a balance-changed event: the balance is
// payload.balance, else the account's; the account is payload.account, else
// the top-level account, else the payload itself when it looks like one.
func decodeBalance(env *envelope) (*Balance, entity) {
	p := env.payload
	b := &Balance{Account: decodeAccount(p.obj("account"))}
	if b.Account == nil {
		b.Account = env.topAccount
	}
	if b.Account == nil && p.isString("uuid") && p.has("balance") {
		b.Account = decodeAccount(p, true)
		b.Balance = b.Account.Balance
	} else {
		b.Balance = p.float("balance")
	}
	if b.Balance == nil && b.Account != nil {
		b.Balance = b.Account.Balance
	}
	return b, payloadEntity(env)
}
