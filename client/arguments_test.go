package client

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestArgumentChecks checks that missing ids, nil requests and missing
// required members fail with ErrInvalidArgument, naming the method, before
// any I/O.
func TestArgumentChecks(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{}`)))
	c, _ := newTestClient(t, s, nil)
	ctx := context.Background()
	ignore := func(_ any, err error) error { return err }
	cases := []struct {
		name string
		err  error
	}{
		{"Tokens.Create", ignore(c.Tokens.Create(ctx, nil))},
		{"Tokens.Create", ignore(c.Tokens.Create(ctx, &TokenCreateRequest{}))},
		{"Tokens.Update", ignore(c.Tokens.Update(ctx, "", &TokenUpdateRequest{}))},
		{"Tokens.Update", ignore(c.Tokens.Update(ctx, "u", nil))},
		{"Tokens.Delete", ignore(c.Tokens.Delete(ctx, ""))},
		{"Orders.Create", ignore(c.Orders.Create(ctx, nil))},
		{"Orders.Create", ignore(c.Orders.Create(ctx, &OrderCreateRequest{}))},
		{"Orders.Create", ignore(c.Orders.Create(ctx, &OrderCreateRequest{Items: []OrderItem{{Features: []Feature{FeatureSMS}}}}))},
		{"Orders.Create", ignore(c.Orders.Create(ctx, &OrderCreateRequest{Items: []OrderItem{{TN: 1}}}))},
		{"Orders.Get", ignore(c.Orders.Get(ctx, ""))},
		{"Leases.Get", ignore(c.Leases.Get(ctx, ""))},
		{"Leases.GetByTN", ignore(c.Leases.GetByTN(ctx, 0))},
		{"Leases.Update", ignore(c.Leases.Update(ctx, "", &LeaseUpdateRequest{}))},
		{"Leases.Update", ignore(c.Leases.Update(ctx, "l", nil))},
		{"Leases.Release", ignore(c.Leases.Release(ctx, ""))},
		{"Leases.EnableSMS", ignore(c.Leases.EnableSMS(ctx, "", &EnableSMSRequest{}))},
		{"Leases.EnableSMS", ignore(c.Leases.EnableSMS(ctx, "l", nil))},
		{"Leases.EnableSMS", ignore(c.Leases.EnableSMS(ctx, "l", &EnableSMSRequest{SMSCampaign: "c"}))},
		{"Leases.EnableSMS", ignore(c.Leases.EnableSMS(ctx, "l", &EnableSMSRequest{MessagingProfile: "m"}))},
		{"Leases.DisableSMS", ignore(c.Leases.DisableSMS(ctx, ""))},
		{"TNProfiles.Get", ignore(c.TNProfiles.Get(ctx, ""))},
		{"SIPConnections.Create", ignore(c.SIPConnections.Create(ctx, nil))},
		{"SIPConnections.Create", ignore(c.SIPConnections.Create(ctx, &SIPConnectionCreateRequest{Port: 5060, Product: 1}))},
		{"SIPConnections.Create", ignore(c.SIPConnections.Create(ctx, &SIPConnectionCreateRequest{Name: "n", Product: 1}))},
		{"SIPConnections.Create", ignore(c.SIPConnections.Create(ctx, &SIPConnectionCreateRequest{Name: "n", Port: 5060}))},
		{"SIPConnections.Get", ignore(c.SIPConnections.Get(ctx, ""))},
		{"SIPConnections.Update", ignore(c.SIPConnections.Update(ctx, "", &SIPConnectionUpdateRequest{}))},
		{"SIPConnections.Update", ignore(c.SIPConnections.Update(ctx, "s", nil))},
		{"SIPConnections.Delete", ignore(c.SIPConnections.Delete(ctx, ""))},
		{"SIPConnections.ListNumbers", ignore(c.SIPConnections.ListNumbers(ctx, ""))},
		{"SIPConnections.AssignNumbers", ignore(c.SIPConnections.AssignNumbers(ctx, "", []string{"l"}))},
		{"SIPConnections.AssignNumbers", ignore(c.SIPConnections.AssignNumbers(ctx, "s", nil))},
		{"SIPConnections.RemoveNumbers", ignore(c.SIPConnections.RemoveNumbers(ctx, "s", []string{""}))},
		{"SIPConnections.UpdateNumbers", ignore(c.SIPConnections.UpdateNumbers(ctx, "s", nil))},
		{"SIPControlApps.Create", ignore(c.SIPControlApps.Create(ctx, nil))},
		{"SIPControlApps.Create", ignore(c.SIPControlApps.Create(ctx, &SIPControlAppCreateRequest{Product: 1}))},
		{"SIPControlApps.Create", ignore(c.SIPControlApps.Create(ctx, &SIPControlAppCreateRequest{Name: "a"}))},
		{"SIPControlApps.Get", ignore(c.SIPControlApps.Get(ctx, ""))},
		{"SIPControlApps.Update", ignore(c.SIPControlApps.Update(ctx, "", &SIPControlAppUpdateRequest{}))},
		{"SIPControlApps.Update", ignore(c.SIPControlApps.Update(ctx, "a", nil))},
		{"SIPControlApps.Delete", ignore(c.SIPControlApps.Delete(ctx, ""))},
		{"SIPControlApps.ListNumbers", ignore(c.SIPControlApps.ListNumbers(ctx, ""))},
		{"SIPControlApps.AssignNumbers", ignore(c.SIPControlApps.AssignNumbers(ctx, "a", nil))},
		{"SIPControlApps.RemoveNumbers", ignore(c.SIPControlApps.RemoveNumbers(ctx, "", []string{"l"}))},
		{"SIPControlApps.UpdateNumbers", ignore(c.SIPControlApps.UpdateNumbers(ctx, "a", &NumberAssignment{}))},
		{"SIPControlApps.GetCallFlow", ignore(c.SIPControlApps.GetCallFlow(ctx, ""))},
		{"SIPControlApps.PutCallFlow", ignore(c.SIPControlApps.PutCallFlow(ctx, "", someFlow))},
		{"SIPControlApps.DeleteCallFlow", c.SIPControlApps.DeleteCallFlow(ctx, "")},
		{"SIPControlApps.PushCallFlow", ignore(c.SIPControlApps.PushCallFlow(ctx, "", someFlow))},
		{"SIPControlApps.SearchLogs", ignore(c.SIPControlApps.SearchLogs(ctx, "", nil))},
		{"MessagingProfiles.Create", ignore(c.MessagingProfiles.Create(ctx, nil))},
		{"MessagingProfiles.Create", ignore(c.MessagingProfiles.Create(ctx, &MessagingProfileCreateRequest{}))},
		{"MessagingProfiles.Get", ignore(c.MessagingProfiles.Get(ctx, ""))},
		{"MessagingProfiles.Update", ignore(c.MessagingProfiles.Update(ctx, "", &MessagingProfileUpdateRequest{}))},
		{"MessagingProfiles.Update", ignore(c.MessagingProfiles.Update(ctx, "m", nil))},
		{"MessagingProfiles.Delete", ignore(c.MessagingProfiles.Delete(ctx, ""))},
		{"MessagingProfiles.ListNumbers", ignore(c.MessagingProfiles.ListNumbers(ctx, ""))},
		{"Messages.Send", ignore(c.Messages.Send(ctx, nil))},
		{"Messages.Send", ignore(c.Messages.Send(ctx, &SendSMSRequest{To: 2, Text: "x"}))},
		{"Messages.Send", ignore(c.Messages.Send(ctx, &SendSMSRequest{From: 1, Text: "x"}))},
		{"Messages.Send", ignore(c.Messages.Send(ctx, &SendSMSRequest{From: 1, To: 2}))},
		{"Messages.GetOutbound", ignore(c.Messages.GetOutbound(ctx, ""))},
		{"Messages.GetInbound", ignore(c.Messages.GetInbound(ctx, ""))},
		{"Calls.Bulk", ignore(c.Calls.Bulk(ctx, nil))},
		{"Calls.Bulk", ignore(c.Calls.Bulk(ctx, &BulkCallRequest{Phones: []TN{1}, Flow: someFlow}))},
		{"Calls.Bulk", ignore(c.Calls.Bulk(ctx, &BulkCallRequest{OutboundVoiceProfile: "o", Flow: someFlow}))},
		{"Calls.Bulk", ignore(c.Calls.Bulk(ctx, &BulkCallRequest{OutboundVoiceProfile: "o", Phones: []TN{0}, Flow: someFlow}))},
		{"Calls.Single", ignore(c.Calls.Single(ctx, nil))},
		{"Calls.Single", ignore(c.Calls.Single(ctx, &SingleCallRequest{OutboundVoiceProfile: "o", Flow: someFlow}))},
		{"OutboundVoiceProfiles.Create", ignore(c.OutboundVoiceProfiles.Create(ctx, nil))},
		{"OutboundVoiceProfiles.Create", ignore(c.OutboundVoiceProfiles.Create(ctx, &OutboundVoiceProfileCreateRequest{Product: 1}))},
		{"OutboundVoiceProfiles.Create", ignore(c.OutboundVoiceProfiles.Create(ctx, &OutboundVoiceProfileCreateRequest{Name: "o"}))},
		{"OutboundVoiceProfiles.Get", ignore(c.OutboundVoiceProfiles.Get(ctx, ""))},
		{"OutboundVoiceProfiles.Update", ignore(c.OutboundVoiceProfiles.Update(ctx, "", &OutboundVoiceProfileUpdateRequest{}))},
		{"OutboundVoiceProfiles.Update", ignore(c.OutboundVoiceProfiles.Update(ctx, "o", nil))},
		{"OutboundVoiceProfiles.Delete", ignore(c.OutboundVoiceProfiles.Delete(ctx, ""))},
		{"SIPDomains.Create", ignore(c.SIPDomains.Create(ctx, nil))},
		{"SIPDomains.Create", ignore(c.SIPDomains.Create(ctx, &SIPDomainCreateRequest{}))},
		{"SIPDomains.Get", ignore(c.SIPDomains.Get(ctx, ""))},
		{"SIPDomains.Update", ignore(c.SIPDomains.Update(ctx, "", &SIPDomainUpdateRequest{}))},
		{"SIPDomains.Update", ignore(c.SIPDomains.Update(ctx, "d", nil))},
		{"SIPDomains.Delete", ignore(c.SIPDomains.Delete(ctx, ""))},
		{"SIPUsers.List", ignore(c.SIPUsers.List(ctx, ""))},
		{"SIPUsers.Create", ignore(c.SIPUsers.Create(ctx, "", &SIPUserCreateRequest{Login: "a", Password: "b"}))},
		{"SIPUsers.Create", ignore(c.SIPUsers.Create(ctx, "d", nil))},
		{"SIPUsers.Create", ignore(c.SIPUsers.Create(ctx, "d", &SIPUserCreateRequest{Password: "b"}))},
		{"SIPUsers.Create", ignore(c.SIPUsers.Create(ctx, "d", &SIPUserCreateRequest{Login: "a"}))},
		{"SIPUsers.Get", ignore(c.SIPUsers.Get(ctx, "d", ""))},
		{"SIPUsers.Update", ignore(c.SIPUsers.Update(ctx, "", "u", &SIPUserUpdateRequest{}))},
		{"SIPUsers.Update", ignore(c.SIPUsers.Update(ctx, "d", "u", nil))},
		{"SIPUsers.Delete", ignore(c.SIPUsers.Delete(ctx, "d", ""))},
		{"SIPUserInvites.Create", ignore(c.SIPUserInvites.Create(ctx, "", &SIPUserInviteCreateRequest{Name: "n", ExpiredOn: expireAt}))},
		{"SIPUserInvites.Create", ignore(c.SIPUserInvites.Create(ctx, "d", nil))},
		{"SIPUserInvites.Create", ignore(c.SIPUserInvites.Create(ctx, "d", &SIPUserInviteCreateRequest{ExpiredOn: expireAt}))},
		{"SIPUserInvites.Create", ignore(c.SIPUserInvites.Create(ctx, "d", &SIPUserInviteCreateRequest{Name: "n"}))},
		{"SIPUserInvites.List", ignore(c.SIPUserInvites.List(ctx, ""))},
		{"SIPUserInvites.Delete", ignore(c.SIPUserInvites.Delete(ctx, "", "i"))},
		{"Subscriptions.Create", ignore(c.Subscriptions.Create(ctx, nil))},
		{"Subscriptions.Create", ignore(c.Subscriptions.Create(ctx, &SubscriptionCreateRequest{}))},
		{"Subscriptions.Delete", ignore(c.Subscriptions.Delete(ctx, ""))},
		{"Subscriptions.Ensure", ignore(c.Subscriptions.Ensure(ctx, "sms", ""))},
		{"MaxAttempts", ignore(c.Leases.Get(ctx, "l", MaxAttempts(0)))},
	}
	for i, tc := range cases {
		if !errors.Is(tc.err, ErrInvalidArgument) {
			t.Errorf("case %d %s: error = %v, want ErrInvalidArgument", i, tc.name, tc.err)
			continue
		}
		if !strings.HasPrefix(tc.err.Error(), "opentact: "+tc.name+": ") {
			t.Errorf("case %d: error %q does not name %s", i, tc.err, tc.name)
		}
	}
	if n := len(s.requests()); n != 0 {
		t.Errorf("%d requests, want none", n)
	}
}

// TestPathEscaping checks that path parameters are escaped.
func TestPathEscaping(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{"uuid":"x"}`)))
	c, _ := newTestClient(t, s, nil)
	if _, err := c.SIPUsers.Get(context.Background(), "a/b", "c d?"); err != nil {
		t.Fatal(err)
	}
	if p := s.requests()[0].Path; p != "/sip/domain/a%2Fb/user/c%20d%3F" {
		t.Errorf("path = %s", p)
	}
}
