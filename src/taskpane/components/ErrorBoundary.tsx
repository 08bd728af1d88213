import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { paneText } from '../pane-text';

interface State {
  readonly error: Error | null;
}

/** A bug in the pane shows a message and a way back, never a blank pane. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };
  static getDerivedStateFromError(error: Error): State {
    return { error };
  }
  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('任务窗格出错', error, info.componentStack);
  }
  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div style={{ padding: 12 }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>任务窗格出现了意外错误</MessageBarTitle>
            {messageOf(this.state.error)}请点击“重新开始”；如仍出错，请关闭任务窗格后重新打开，并把此信息告诉我们。
          </MessageBarBody>
        </MessageBar>
        <Button style={{ marginTop: 8 }} onClick={() => this.setState({ error: null })}>
          重新开始
        </Button>
      </div>
    );
  }
}

/** The error's own words as one sentence ("坏了" → "坏了。"), without command-line hints. */
function messageOf(error: unknown): string {
  const text = paneText(error instanceof Error ? error.message : String(error));
  if (!text) return '';
  return /[。！？.!?]$/.test(text) ? text : `${text}。`;
}
