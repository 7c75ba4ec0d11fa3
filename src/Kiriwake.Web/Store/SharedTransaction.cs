using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kiriwake.Web.Store;

/// <summary>
/// Several kinds of context writing in one transaction: the sessions, the helpdesk's cases and audit chain, and the
/// learned overlays are separate contexts on one database. A write that touches two of them (an answer on a case: the
/// person's session, the case and its audit row; an approval: the overlay and its audit row) opens the second context on
/// the first one's connection and enlists it in the first one's open transaction, so that all of it commits or none.
/// </summary>
public static class SharedTransaction
{
    /// <summary>
    /// A context made by <paramref name="open"/> on <paramref name="owner"/>'s connection, inside its open transaction.
    /// The caller disposes it before the owner commits; the connection and the transaction stay the owner's.
    /// </summary>
    /// <exception cref="InvalidOperationException">The owner has no open transaction.</exception>
    public static async Task<TContext> JoinAsync<TContext>(DbContext owner, Func<DbConnection, StoreProvider, TContext> open, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(open);
        var transaction = owner.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Open a transaction on the owning context before joining another context to it.");
        var provider = owner.Database.IsNpgsql() ? StoreProvider.Postgres : StoreProvider.Sqlite;
        var joined = open(owner.Database.GetDbConnection(), provider);
        try
        {
            await joined.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        }
        catch
        {
            await joined.DisposeAsync();
            throw;
        }

        return joined;
    }
}
