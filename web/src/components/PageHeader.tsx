import { useEffect } from 'react';

type Props = { title: string; description: string };

export function PageHeader({ title, description }: Props) {
  useEffect(() => {
    document.title = `${title} · Rolecall`;
  }, [title]);

  return (
    <header className="page-header">
      <h1>{title}</h1>
      <p>{description}</p>
    </header>
  );
}
