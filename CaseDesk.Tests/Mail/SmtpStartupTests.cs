using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CaseDesk.Tests.Mail;

public sealed class SmtpStartupTests
{
    [Fact]
    public async Task A_mail_server_configured_wrongly_stops_start_up_saying_what_to_fix_and_not_the_password()
    {
        await using var app = new CaseDeskAppFactory();
        await using var misconfigured = app.WithWebHostBuilder(web => web
            .UseSetting("Mail:Smtp:Host", "smtp.alytus.lt")
            .UseSetting("Mail:Smtp:Security", "None")
            .UseSetting("Mail:Smtp:User", "casedesk")
            .UseSetting("Mail:Smtp:Password", "Slaptažodis-7Q!x"));

        var failure = Assert.Throws<InvalidOperationException>(() => misconfigured.Server);

        Assert.StartsWith("Outgoing mail is not configured correctly:", failure.Message);
        Assert.Contains("Mail:From '' is not an e-mail address", failure.Message);
        Assert.Contains("Mail:Smtp:Security=None sends passwords and mail unencrypted", failure.Message);
        Assert.DoesNotContain("Slaptažodis-7Q!x", failure.ToString());
    }
}
