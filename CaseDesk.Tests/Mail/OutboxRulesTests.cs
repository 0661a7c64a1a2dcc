using CaseDesk.App.Mail;
using CaseDesk.Domain.Mail;
using Microsoft.Extensions.Configuration;

namespace CaseDesk.Tests.Mail;

/// <summary>The outbox's retry schedule and the outgoing mail settings' start-up checks, without a server.</summary>
public sealed class OutboxRulesTests
{
    private static readonly DateTime Queued = new(2026, 3, 2, 8, 30, 0, DateTimeKind.Utc);

    private static OutboxMessage Message() =>
        new(Guid.NewGuid(), "ona@example.lt", null, "Re: x", "Tekstas", "id@casedesk", null, null, "EmailEnquiry", Guid.NewGuid(), "asta", Queued);

    [Fact]
    public void Temporary_failures_wait_1_2_5_15_30_minutes_then_an_hour_and_the_tenth_fails_the_message()
    {
        var message = Message();
        var at = Queued;
        var waits = new List<double>();
        while (message.Status == OutboxStatus.Pending)
        {
            message.RecordFailure("421 4.7.0 Try again later", permanent: false, at);
            if (message.NextAttemptAtUtc is { } next)
            {
                waits.Add((next - at).TotalMinutes);
                at = next;
            }
        }

        Assert.Equal([1, 2, 5, 15, 30, 60, 60, 60, 60], waits);
        Assert.Equal((OutboxStatus.Failed, Outbox.MaxAttempts, "421 4.7.0 Try again later"), (message.Status, message.Attempts, message.LastError));
    }

    [Fact]
    public void A_permanent_failure_fails_at_once_and_trying_again_starts_a_fresh_round_with_the_same_message_id()
    {
        var message = Message();
        message.RecordFailure("550 5.1.1 No such user", permanent: true, Queued);
        Assert.Equal((OutboxStatus.Failed, (DateTime?)null), (message.Status, message.NextAttemptAtUtc));

        message.Retry(Queued.AddHours(2));

        Assert.Equal((OutboxStatus.Pending, 0, (DateTime?)Queued.AddHours(2), "id@casedesk"), (message.Status, message.Attempts, message.NextAttemptAtUtc, message.MessageId));
        Assert.Throws<InvalidOperationException>(() => message.Retry(Queued.AddHours(3)));
    }

    [Fact]
    public void A_long_server_reply_is_kept_shortened()
    {
        var message = Message();
        message.RecordFailure("451 " + new string('x', 3000), permanent: false, Queued);
        Assert.Equal(Outbox.ErrorLength, message.LastError!.Length);
    }

    private static MailSettings Load(params (string Key, string Value)[] values) =>
        MailSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build(),
            Path.Combine(Path.GetTempPath(), "casedesk-tests", "data-" + Guid.NewGuid().ToString("N")));

    [Fact]
    public void With_no_mail_settings_replies_go_to_a_pickup_folder_beside_the_data_and_nothing_needs_fixing()
    {
        var settings = Load();

        Assert.True(settings.UsesPickupFolder);
        Assert.Equal("mail-pickup", Path.GetFileName(settings.PickupFolder));
        Assert.Empty(settings.Problems());
        Assert.True(Directory.Exists(settings.PickupFolder));
        Directory.Delete(Path.GetDirectoryName(settings.PickupFolder)!, recursive: true);
    }

    [Fact]
    public void A_server_without_a_sender_address_an_unencrypted_remote_server_and_a_missing_password_are_named_with_what_to_fix()
    {
        var settings = Load(("Mail:Smtp:Host", "smtp.alytus.lt"), ("Mail:Smtp:Security", "None"), ("Mail:Smtp:User", "casedesk"));

        var problems = settings.Problems().ToList();

        Assert.Equal(25, settings.Smtp.Port);
        Assert.Contains(problems, p => p.StartsWith("Mail:From '' is not an e-mail address", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mail:Smtp:Security=None sends passwords and mail unencrypted", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mail:Smtp:Password is missing for user casedesk; set it in the environment (e.g. Mail__Smtp__Password)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_configured_server_uses_tls_on_port_465_by_default_and_its_password_appears_in_no_problem()
    {
        var settings = Load(("Mail:From", "socialine.parama@example.lt"), ("Mail:Smtp:Host", "smtp.alytus.lt"), ("Mail:Smtp:Port", "70000"),
            ("Mail:Smtp:User", "casedesk"), ("Mail:Smtp:Password", "Slaptažodis-7Q!x"));

        var problem = Assert.Single(settings.Problems());

        Assert.Equal((MailSecurity.SslOnConnect, false), (settings.Smtp.Security, settings.UsesPickupFolder));
        Assert.Equal("Mail:Smtp:Port must be a TCP port (1-65535).", problem);
        Assert.DoesNotContain("Slaptažodis", problem);
        Assert.Equal(465, Load(("Mail:From", "a@example.lt"), ("Mail:Smtp:Host", "smtp.alytus.lt")).Smtp.Port);
    }
}
