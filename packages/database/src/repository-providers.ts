import { DataSource } from 'typeorm';

/** A repository class: built with the service's DataSource (the one repository shape, ADR 0019). */
export type RepositoryClass = new (dataSource: DataSource) => object;

/**
 * The module providers of a service's repositories: each built once with the service's DataSource and injected into
 * whatever reads or writes its aggregate, so services never build their own.
 */
export function repositoryProviders(...repositories: RepositoryClass[]) {
  return repositories.map((repository) => ({
    provide: repository,
    useFactory: (dataSource: DataSource) => new repository(dataSource),
    inject: [DataSource],
  }));
}
