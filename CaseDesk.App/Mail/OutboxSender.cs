using CaseDesk.App.Hosting;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Mail;
using MimeKit;

namespace CaseDesk.App.Mail;

/// <summary>
/// Delivers the outbox (docs/mail.md): every <see cref="Interval"/>, on one node at a time (<see cref="ClusterWork"/>), takes the
/// due messages in batches, sends them (SMTP, or the pick-up folder with no server configured) and records each outcome as the
/// system through the domain's commands, so each is audited. Delivery is at least once: a crash between the server's acceptance
/// and <see cref="RecordMailAccepted"/> sends the message again, with the same Message-Id.
/// </summary>
public sealed class OutboxSender(ICaseDeskSender sender, ClusterWork cluster, MailSettings settings, TimeProvider clock, ILogger<OutboxSender> logger)
    : BackgroundService
{
    public const string LeaseName = "mail-outbox";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    public const int Batch = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.UsesPickupFolder)
            logger.LogInformation("Outgoing mail is written to the pick-up folder {Folder}; no mail server is configured (Mail:Smtp:Host)", settings.PickupFolder);
        else
            logger.LogInformation("Outgoing mail is sent through {Host}:{Port}", settings.Smtp.Host, settings.Smtp.Port);
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await cluster.RunIfDueAsync(LeaseName, Interval, ct => SendDueAsync(ct), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending the outbox failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One run: every message due now, each tried once; returns how many the server accepted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var tried = new HashSet<Guid>();
        var accepted = 0;
        await using var delivery = MailDelivery.For(settings);
        while (!ct.IsCancellationRequested)
        {
            var due = (await sender.Send(new GetDueOutboxMessages(Batch), Caller.System, ct)).Where(m => tried.Add(m.Id)).ToList();
            if (due.Count == 0)
                break;
            foreach (var queued in due)
            {
                if (await DeliverAsync(delivery, queued, ct))
                    accepted++;
            }
        }
        return accepted;
    }

    private async Task<bool> DeliverAsync(MailDelivery delivery, OutboxMessageToSend queued, CancellationToken ct)
    {
        MimeMessage message;
        try
        {
            message = MimeComposer.Compose(queued, settings);
        }
        catch (ParseException e)
        {
            await sender.Send(new RecordMailFailure(queued.Id, $"The message could not be composed: {e.Message}", Permanent: true, Now), Caller.System, ct);
            return false;
        }
        var outcome = await delivery.DeliverAsync(message, ct);
        var at = Now;
        if (!outcome.Accepted)
        {
            var status = await sender.Send(new RecordMailFailure(queued.Id, outcome.Reason ?? "", outcome.Permanent, at), Caller.System, ct);
            // The server's reason may name the recipient: it is kept on the message (shown to staff), not in the log.
            logger.LogWarning("Outgoing message {Id} was not accepted ({Status} after attempt {Attempt}); the server's reason is on the message",
                queued.Id, status, queued.Attempts + 1);
            return false;
        }
        try
        {
            await sender.Send(new RecordMailAccepted(queued.Id, at), Caller.System, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Outgoing message {Id} was accepted by the mail server but not recorded; it will be sent again with the same Message-Id", queued.Id);
            throw;
        }
        logger.LogInformation("Outgoing message {Id} accepted", queued.Id);
        return true;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

public static class OutboxRegistration
{
    /// <summary>Reads and checks the Mail section's outgoing side (wrong settings stop start-up with what to fix) and starts the sender.</summary>
    public static IServiceCollection AddOutgoingMail(this IServiceCollection services, IConfiguration config)
    {
        var settings = MailSettings.Load(config, DataFolder(config));
        var problems = settings.Problems().ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException("Outgoing mail is not configured correctly:\n- " + string.Join("\n- ", problems));
        services.AddSingleton(settings);
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxSender>());
        return services;
    }

    /// <summary>Beside the SQLite database file, else App_Data (as the key ring's folder).</summary>
    private static string DataFolder(IConfiguration config)
    {
        var database = CaseDeskHost.Database(config);
        if (!database.IsSqlite)
            return "App_Data";
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" ? "App_Data" : Path.GetDirectoryName(Path.GetFullPath(file))!;
    }
}
